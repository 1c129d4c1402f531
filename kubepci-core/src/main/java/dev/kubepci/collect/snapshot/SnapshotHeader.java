package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kubepci.model.ServerUrl;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The first line of a snapshot: who wrote it, when the cluster was read, which cluster, and which kinds were asked
 * for. The collection time is the time of every object in the snapshot.
 *
 * @param apiVersion always {@link SnapshotFormat#API_VERSION}
 * @param kind always {@link SnapshotFormat#HEADER_KIND}
 * @param collectedAt ISO-8601 instant, e.g. {@code 2026-03-01T12:00:00Z}
 * @param requested the kinds the collector was asked to list, as the rules name them ({@code Pod},
 *     {@code kyverno.io/ClusterPolicy}), sorted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "formatVersion", "producer", "collectedAt", "cluster", "requested"})
public record SnapshotHeader(String apiVersion, String kind, int formatVersion, Producer producer, String collectedAt,
    Cluster cluster, List<String> requested) {

  public SnapshotHeader {
    requested = requested == null ? List.of() : List.copyOf(requested);
  }

  public static SnapshotHeader of(Producer producer, String collectedAt, Cluster cluster, List<String> requested) {
    return new SnapshotHeader(SnapshotFormat.API_VERSION, SnapshotFormat.HEADER_KIND, SnapshotFormat.FORMAT_VERSION,
        Objects.requireNonNull(producer, "producer"), Objects.requireNonNull(collectedAt, "collectedAt"),
        Objects.requireNonNull(cluster, "cluster"), requested);
  }

  /** The program that wrote the snapshot: kubepci, or the kubectl script. */
  public record Producer(String name, String version) {}

  /**
   * The cluster as the collector reached it.
   *
   * @param name the kubeconfig cluster name, or {@code in-cluster}
   * @param context the kubeconfig context used, null in a pod
   * @param server the API server URL; every object's provenance names it
   * @param version the API server's {@code /version} answer as it was returned (gitVersion, platform ...)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "context", "server", "version"})
  public record Cluster(String name, String context, String server, Map<String, Object> version) {
    public Cluster {
      server = ServerUrl.redact(Objects.requireNonNull(server, "server"));
      version = version == null ? Map.of() : version;
    }

    /** The Kubernetes version, e.g. {@code v1.30.2}, or null when the server did not say. */
    public String gitVersion() {
      Object v = version.get("gitVersion");
      return v == null ? null : v.toString();
    }
  }
}
