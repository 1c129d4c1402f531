package dev.kubepci.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a resource came from: a document of a file (or standard input), or a cluster's API server at a
 * collection time. Kept on every resource so that every finding can say where its evidence was read.
 *
 * <p>An object's provenance names the line where the object starts. A finding's source may add the line of the
 * field its evidence sits on ({@link #fieldLine()}), found after the assessment by re-reading the file once; the
 * object line is kept so that both stay available.
 *
 * @param file the file as the user named it ({@code -} for standard input), or null for a cluster
 * @param document the 1-based index of the YAML/JSON document in the file, 0 for a cluster
 * @param line the 1-based line where the document (or the list item) starts, 0 when unknown
 * @param fieldLine the 1-based line of the field a finding points at, 0 when not located
 * @param cluster the API server URL or snapshot cluster name, or null for a file
 * @param collectedAt when the object was read from the cluster, or null for a file
 */
public record Provenance(String file, int document, int line, int fieldLine, String cluster, Instant collectedAt) {

  public Provenance {
    cluster = ServerUrl.redact(cluster);
  }

  /** A provenance without a field line. */
  public Provenance(String file, int document, int line, String cluster, Instant collectedAt) {
    this(file, document, line, 0, cluster, collectedAt);
  }

  public static Provenance ofFile(String file, int document, int line) {
    return new Provenance(Objects.requireNonNull(file, "file"), document, line, 0, null, null);
  }

  public static Provenance ofCluster(String cluster, Instant collectedAt) {
    return new Provenance(null, 0, 0, 0, Objects.requireNonNull(cluster, "cluster"), collectedAt);
  }

  public boolean isFile() {
    return file != null;
  }

  /** The same source pointing at the field on {@code fieldLine} of the file. */
  public Provenance withFieldLine(int fieldLine) {
    return new Provenance(file, document, line, fieldLine, cluster, collectedAt);
  }

  /** The most precise line known: the field's when located, else the object's; 0 when unknown. */
  public int bestLine() {
    return fieldLine > 0 ? fieldLine : line;
  }

  /** {@code file:line (document N)} or {@code cluster at time}; for messages meant for people. */
  public String describe() {
    if (isFile()) {
      int shown = bestLine();
      return file + (shown > 0 ? ":" + shown : "") + (document > 0 ? " (document " + document + ")" : "");
    }
    return cluster + (collectedAt != null ? " at " + collectedAt : "");
  }
}
