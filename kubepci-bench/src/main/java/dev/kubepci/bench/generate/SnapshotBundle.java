package dev.kubepci.bench.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.cluster.ClusterCollector;
import dev.kubepci.collect.cluster.KindRequest;
import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import dev.kubepci.collect.snapshot.SnapshotWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a synthetic cluster as a kubepci snapshot bundle, through the snapshot writer a live collection uses: the
 * header naming the kinds asked for, every object, and the trailer with how each kind fared.
 *
 * <p>A live collection lists only the kinds the rules read; the bundle asks for those and for every kind the
 * generator makes, so that it holds the same objects as the dump.
 */
public final class SnapshotBundle {
  /** When the synthetic cluster is said to have been collected. */
  public static final String COLLECTED_AT = "2025-01-06T09:00:00Z";
  public static final String SERVER = "https://synthetic-cluster.example:6443";

  private SnapshotBundle() {}

  /** Writes the bundle; returns the number of objects written. */
  public static int write(SyntheticCluster cluster, Collection<String> ruleReads, Path target) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, String> groups = new TreeMap<>();
    cluster.emit(o -> {
      counts.merge(readName(o), 1, Integer::sum);
      String apiVersion = o.path("apiVersion").asText();
      groups.putIfAbsent(readName(o),
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "");
    });
    TreeSet<String> requested = new TreeSet<>(ClusterCollector.plan(ruleReads));
    requested.addAll(counts.keySet());

    List<KindReport> kinds = new ArrayList<>();
    for (String read : requested) {
      kinds.add(report(read, counts.getOrDefault(read, 0), groups.get(read)));
    }
    int[] written = {0};
    try (SnapshotWriter writer = new SnapshotWriter(target)) {
      writer.header(SnapshotHeader.of(new SnapshotHeader.Producer("kubepci-bench", "synthetic"), COLLECTED_AT,
          new SnapshotHeader.Cluster("synthetic", "synthetic", SERVER,
              new TreeMap<>(Map.of("gitVersion", "v1.31.4", "platform", "linux/amd64"))),
          List.copyOf(requested)));
      cluster.emit(o -> {
        writer.object(o);
        written[0]++;
      });
      writer.trailer(SnapshotTrailer.of(written[0], kinds));
    }
    return written[0];
  }

  /** How rules name the kind of {@code object}: {@code Pod}, {@code kyverno.io/ClusterPolicy}. */
  static String readName(ObjectNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String kind = object.path("kind").asText();
    return KnownResources.isBuiltInGroup(group) ? kind : group + "/" + kind;
  }

  /** How the kind fared; {@code group} is the API group of its objects, null when none was made. */
  private static KindReport report(String read, int count, String group) {
    Optional<KnownResources.Known> known = KnownResources.forRead(read);
    if (known.isPresent()) {
      KnownResources.Known k = known.get();
      return new KindReport(read, k.group(), k.version(), k.resource(), k.namespaced(), KindReport.Outcome.COLLECTED,
          count, null, null);
    }
    KindRequest request = KindRequest.parse(read);
    if (KnownResources.isConfigFile(request)) {
      return new KindReport(read, null, null, null, null, KindReport.Outcome.NOT_IN_API, 0, null, null);
    }
    if (count > 0) {
      // a kind the generator makes but the table does not know (a constraint kind of a template,
      // EndpointSlice): served in the group of its objects, which the reader counts them by
      return new KindReport(read, group, "v1beta1", read.substring(read.indexOf('/') + 1).toLowerCase(
          java.util.Locale.ROOT), false, KindReport.Outcome.COLLECTED, count, null, null);
    }
    return new KindReport(read, null, null, null, null, KindReport.Outcome.ABSENT, 0, null, null);
  }
}
