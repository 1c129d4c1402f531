package dev.kubepci.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * @param template for an object rendered from a Helm chart, the template it came from as Helm names it
 *     ({@code chart/templates/deployment.yaml}); {@code file} is then the chart folder and the lines are those of
 *     the rendered output. Null otherwise
 * @param assumedNamespace the namespace kubepci put a namespaced object in because the file names none (as kubectl
 *     does with {@code -n}, default {@code default}); null when the object names its own or is cluster-scoped
 */
public record Provenance(String file, int document, int line, int fieldLine, String cluster, Instant collectedAt,
    String template, String assumedNamespace) {

  /** A provenance without a template, of an object that named its namespace (or has none to name). */
  public Provenance(String file, int document, int line, int fieldLine, String cluster, Instant collectedAt) {
    this(file, document, line, fieldLine, cluster, collectedAt, null, null);
  }

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
    return new Provenance(file, document, line, fieldLine, cluster, collectedAt, template, assumedNamespace);
  }

  /** The same source, rendered from {@code template} (see {@link #template()}). */
  public Provenance withTemplate(String template) {
    return new Provenance(file, document, line, fieldLine, cluster, collectedAt, template, assumedNamespace);
  }

  /** The same source, noting that the object was put in {@code namespace} because it named none. */
  public Provenance withAssumedNamespace(String namespace) {
    return new Provenance(file, document, line, fieldLine, cluster, collectedAt, template, namespace);
  }

  /** The most precise line known: the field's when located, else the object's; 0 when unknown. */
  public int bestLine() {
    return fieldLine > 0 ? fieldLine : line;
  }

  /**
   * {@code file:line (document N)}, {@code chart, rendered line L (document N, template T)} for a rendered chart, or
   * {@code cluster at time}, with {@code namespace X assumed} when the object named no namespace; for messages
   * meant for people.
   */
  public String describe() {
    if (isFile()) {
      int shown = bestLine();
      List<String> where = new ArrayList<>();
      if (document > 0) {
        where.add("document " + document);
      }
      if (template != null) {
        where.add("template " + template);
      }
      if (assumedNamespace != null) {
        where.add("namespace " + assumedNamespace + " assumed");
      }
      // lines of a rendered chart are those of Helm's output, not of a file one could open
      String at = shown <= 0 ? "" : template != null ? ", rendered line " + shown : ":" + shown;
      return file + at + (where.isEmpty() ? "" : " (" + String.join(", ", where) + ")");
    }
    return cluster + (collectedAt != null ? " at " + collectedAt : "");
  }
}
