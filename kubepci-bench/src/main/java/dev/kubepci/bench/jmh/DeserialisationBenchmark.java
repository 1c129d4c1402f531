package dev.kubepci.bench.jmh;

import dev.kubepci.collect.CompactStore;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Resource;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading realistic Pods (API server defaults, token volume, status) into kubepci's model: from a YAML or JSON
 * List of {@value #BATCH} pods as {@code kubectl get -o yaml|json} prints it, into compact resources, and decoding a
 * compact resource again. Scores are per object.
 */
public class DeserialisationBenchmark extends AverageTimeBenchmark {
  static final int BATCH = 100;

  private String podsYaml;
  private String podsJson;
  private String deploymentsYaml;
  private List<Resource> compactPods;
  private int next;

  @Setup
  public void setUp() throws IOException {
    var pods = Samples.objects(Samples.kind("Pod").and(o -> o.path("metadata").path("ownerReferences").path(0)
        .path("kind").asText().equals("ReplicaSet")), 1024);
    podsYaml = Samples.yaml(Samples.list(pods.subList(0, BATCH)));
    podsJson = Samples.json(Samples.list(pods.subList(0, BATCH)));
    deploymentsYaml = Samples.yaml(Samples.list(Samples.objects(Samples.kind("Deployment"), BATCH)));
    // more distinct compact pods than the store's cache holds, so that each decode really decodes
    compactPods = Samples.read("pod.json", pods, new CompactStore());
  }

  private static ResourceSink blackhole(Blackhole bh) {
    return Samples.sink(bh::consume);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void podFromYaml(Blackhole bh) throws IOException {
    new ManifestReader(blackhole(bh)).read("pods.yaml", new StringReader(podsYaml));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void podFromJson(Blackhole bh) throws IOException {
    new ManifestReader(blackhole(bh)).read("pods.json", new StringReader(podsJson));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void deploymentFromYaml(Blackhole bh) throws IOException {
    new ManifestReader(blackhole(bh)).read("deployments.yaml", new StringReader(deploymentsYaml));
  }

  /** What a bulk object costs as it is read for an assessment: the model, then its compact encoding. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void podFromYamlKeptCompact(Blackhole bh) throws IOException {
    new ManifestReader(blackhole(bh), new CompactStore()).read("pods.yaml", new StringReader(podsYaml));
  }

  /**
   * The path of a {@code kubectl get -o json} dump: parsed on the reading thread, decoded, checked and kept compact
   * on the second (see {@code EmitQueue}); per object, as the reading thread waits for it.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void podFromJsonKeptCompact(Blackhole bh) throws IOException {
    new ManifestReader(blackhole(bh), new CompactStore()).read("pods.json", new StringReader(podsJson));
  }

  /** Compact Pods shared by the threads of a benchmark, as rules running in parallel share an inventory's. */
  @State(Scope.Benchmark)
  public static class SharedPods {
    List<Resource> pods;
    final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

    @Setup
    public void setUp() throws IOException {
      pods = Samples.read("pod.json", Samples.objects(Samples.kind("Pod"), 1024), new CompactStore());
    }
  }

  /** Two rules decoding different compact Pods of one store at once: decoding is not serialised by the store. */
  @Benchmark
  @org.openjdk.jmh.annotations.Threads(2)
  public Object compactPodDecodedByTwoThreads(SharedPods shared) {
    return shared.pods.get(Math.floorMod(shared.next.getAndIncrement(), shared.pods.size())).object();
  }

  /** What a rule pays when it reads a compact Pod that is not in the cache of recently decoded objects. */
  @Benchmark
  public Object compactPodDecoded() {
    Resource r = compactPods.get(next);
    next = (next + 1) % compactPods.size();
    return r.object();
  }
}
