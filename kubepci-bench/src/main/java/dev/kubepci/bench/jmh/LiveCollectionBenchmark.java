package dev.kubepci.bench.jmh;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.bench.live.SyntheticApiServer;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.CompactStore;
import dev.kubepci.collect.cluster.ApiServer;
import dev.kubepci.collect.cluster.ClusterCollector;
import dev.kubepci.collect.cluster.CollectionListener;
import dev.kubepci.collect.cluster.CollectionOptions;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.rules.BuiltInRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The live collection path of {@code kubepci scan --live}: discovery, then every kind the rules read listed page by
 * page (500 objects a page, four kinds at a time) from the synthetic cluster's API answering in this process (no
 * socket, no mock server threads, no request-rate limit), each listing page read, held until its turn and decoded
 * into the inventory a scan assesses. One operation collects the whole {@value #OBJECTS}-object cluster.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LiveCollectionBenchmark extends AverageTimeBenchmark {
  /** Objects of the generated cluster (the rules read about four fifths of them). */
  static final int OBJECTS = 5_000;
  private static final CollectionOptions UNTHROTTLED =
      new CollectionOptions(500, 4, 0, Duration.ofSeconds(60), 0, Duration.ofMillis(500));

  private SyntheticApiServer server;
  private ApiServer api;
  private List<String> reads;
  /** Made once, as in a scan: making one loads fabric8's registry of kinds, which would swamp the score. */
  private CompactStore store;

  @Setup
  public void setUp() {
    server = SyntheticApiServer.start(new SyntheticCluster(ClusterPlan.of(OBJECTS, 20250106)));
    api = server.inProcess();
    TreeSet<String> all = new TreeSet<>();
    BuiltInRules.catalog().rules().forEach(d -> all.addAll(d.reads()));
    reads = List.copyOf(all);
    store = new CompactStore();
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  /** Listing pages to inventory: what a live scan does before the rules run. */
  @Benchmark
  public CollectedInput clusterListedIntoInventory() {
    SnapshotInventory inventory = new SnapshotInventory(store);
    new ClusterCollector(api, UNTHROTTLED, CollectionListener.NONE).collect(
        new ClusterCollector.Identity("synthetic", "synthetic"), reads,
        new SnapshotHeader.Producer("kubepci", "bench"), Instant.parse("2025-01-06T09:00:00Z"), inventory);
    return inventory.result(List.of("synthetic"));
  }
}
