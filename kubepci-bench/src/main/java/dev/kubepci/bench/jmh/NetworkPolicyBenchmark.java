package dev.kubepci.bench.jmh;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.netpol.AddressSet;
import dev.kubepci.netpol.Direction;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.PodEndpoint;
import dev.kubepci.netpol.Reach;
import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * NetworkPolicy evaluation on a 2,000-object synthetic cluster (its namespaces, workloads and policies, with the
 * CNI detected from it: the generator runs calico-node): building the policy model, which policies isolate a pod,
 * and whether one pod reaches another.
 */
public class NetworkPolicyBenchmark extends AverageTimeBenchmark {
  /** 20 Node podCIDRs, every fifth no address (an octet past 255). */
  private static final List<String> NODE_CIDRS = IntStream.range(0, 20)
      .mapToObj(i -> i % 5 == 4 ? "10.244." + (296 + i) + ".0/24" : "10.244." + i + ".0/24").toList();

  private List<Resource> objects;
  private NetworkPolicies model;
  private PodEndpoint client;
  private PodEndpoint server;

  @Setup
  public void setUp() throws IOException {
    objects = Samples.read("cluster.json", List.of(Samples.list(Samples.objects(o -> true, Integer.MAX_VALUE))), null);
    model = NetworkPolicies.of(Inventory.of(objects));
    // two workloads of one namespace whose pods a default deny isolates: evaluation walks every policy
    for (PodEndpoint w : model.workloads()) {
      if (model.isolation(w).isolated(Direction.INGRESS) && model.isolation(w).isolated(Direction.EGRESS)) {
        if (server == null) {
          server = w;
        } else if (w.namespace().equals(server.namespace()) && client == null) {
          client = w;
        }
      }
    }
    if (client == null || server == null) {
      throw new IllegalStateException("the sample has no isolated workloads");
    }
  }

  /** Every policy parsed, every workload's endpoint and the namespaces' labels, from a fresh inventory. */
  @Benchmark
  public NetworkPolicies buildPolicyModel() {
    return NetworkPolicies.of(Inventory.of(objects));
  }

  /**
   * The pod network of a cluster's Nodes, as the policy model reads it: 20 {@code podCIDR} values, of which 4 are
   * not addresses ({@code 10.244.300.0/24}, as every Node past the 256th of the benchmark's 300,000-object cluster
   * has). Before they were read as literals only, each of those was a DNS query.
   */
  @Benchmark
  public int nodePodCidrsRead() {
    return AddressSet.ofValid(NODE_CIDRS).toCidrs().size();
  }

  /** The policies that isolate one pod, ingress and egress. */
  @Benchmark
  public NetworkPolicies.Isolation isolationOfAPod() {
    return model.isolation(server);
  }

  /** Whether one pod may open connections to another, through both pods' policies. */
  @Benchmark
  public Reach reachBetweenTwoPods() {
    return model.reach(client, server);
  }
}
