package dev.kubepci.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a resource came from: a document of a file (or standard input), or a cluster's API server at a
 * collection time. Kept on every resource so that every finding can say where its evidence was read.
 *
 * @param file the file as the user named it ({@code -} for standard input), or null for a cluster
 * @param document the 1-based index of the YAML/JSON document in the file, 0 for a cluster
 * @param line the 1-based line where the document (or the list item) starts, 0 when unknown
 * @param cluster the API server URL or snapshot cluster name, or null for a file
 * @param collectedAt when the object was read from the cluster, or null for a file
 */
public record Provenance(String file, int document, int line, String cluster, Instant collectedAt) {

  public static Provenance ofFile(String file, int document, int line) {
    return new Provenance(Objects.requireNonNull(file, "file"), document, line, null, null);
  }

  public static Provenance ofCluster(String cluster, Instant collectedAt) {
    return new Provenance(null, 0, 0, Objects.requireNonNull(cluster, "cluster"), collectedAt);
  }

  public boolean isFile() {
    return file != null;
  }

  /** {@code file:line (document N)} or {@code cluster at time}; for messages meant for people. */
  public String describe() {
    if (isFile()) {
      return file + (line > 0 ? ":" + line : "") + (document > 0 ? " (document " + document + ")" : "");
    }
    return cluster + (collectedAt != null ? " at " + collectedAt : "");
  }
}
