package dev.kubepci.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a resource, a finding or an error came from: a document of a file (or standard input), a cluster's API
 * server at a collection time, an element of kubepci's own configuration, or a fact derived by a rule or an
 * analysis. Kept on every resource so that every finding can say where its evidence was read; reporters render each
 * kind in its own way (a SARIF file location only for a {@link FileSource}).
 */
public sealed interface Provenance
    permits Provenance.FileSource, Provenance.ClusterSource, Provenance.ConfigurationSource,
        Provenance.DerivedSource {

  /** A document of a file, at its first line (0 when unknown). */
  static FileSource ofFile(String file, int document, int line) {
    return new FileSource(file, document, line, 0, null, null);
  }

  /** An object read from the API server (or snapshot cluster name) {@code cluster} at {@code collectedAt}. */
  static ClusterSource ofCluster(String cluster, Instant collectedAt) {
    return new ClusterSource(cluster, collectedAt);
  }

  /** An element of kubepci's configuration ({@code waiver W-1}), from {@code file} when one is known. */
  static ConfigurationSource ofConfiguration(String file, String element) {
    return new ConfigurationSource(file, element);
  }

  /** A fact that {@code by} (a rule id or an analysis) derived from {@code from}. */
  static DerivedSource derived(String by, String from) {
    return new DerivedSource(by, from);
  }

  /** Whether this is a file's document, the only kind with lines one can open. */
  default boolean isFile() {
    return this instanceof FileSource;
  }

  /** The most precise line known in a file: the field's when located, else the object's; 0 when unknown or none. */
  default int bestLine() {
    return 0;
  }

  /** How messages meant for people name this source. */
  String describe();

  /**
   * A document of a file (or {@code -} for standard input).
   *
   * <p>An object's provenance names the line where the object starts. A finding's source may add the line of the
   * field its evidence sits on ({@link #fieldLine()}), found after the assessment by re-reading the file once; the
   * object line is kept so that both stay available.
   *
   * @param file the file as the user named it ({@code -} for standard input)
   * @param document the 1-based index of the YAML/JSON document in the file, 0 when not known
   * @param line the 1-based line where the document (or the list item) starts, 0 when unknown
   * @param fieldLine the 1-based line of the field a finding points at, 0 when not located
   * @param template for an object rendered from a Helm chart, the template it came from as Helm names it
   *     ({@code chart/templates/deployment.yaml}); {@code file} is then the chart folder and the lines are those of
   *     the rendered output. Null otherwise
   * @param assumedNamespace the namespace kubepci put a namespaced object in because the file names none (as kubectl
   *     does with {@code -n}, default {@code default}); null when the object names its own or is cluster-scoped
   */
  record FileSource(String file, int document, int line, int fieldLine, String template, String assumedNamespace)
      implements Provenance {
    public FileSource {
      Objects.requireNonNull(file, "file");
    }

    /** The same source pointing at the field on {@code fieldLine} of the file. */
    public FileSource withFieldLine(int fieldLine) {
      return new FileSource(file, document, line, fieldLine, template, assumedNamespace);
    }

    /** The same source, rendered from {@code template} (see {@link #template()}). */
    public FileSource withTemplate(String template) {
      return new FileSource(file, document, line, fieldLine, template, assumedNamespace);
    }

    /** The same source, noting that the object was put in {@code namespace} because it named none. */
    public FileSource withAssumedNamespace(String namespace) {
      return new FileSource(file, document, line, fieldLine, template, namespace);
    }

    @Override
    public int bestLine() {
      return fieldLine > 0 ? fieldLine : line;
    }

    /**
     * {@code file:line (document N)}, or {@code chart, rendered line L (document N, template T)} for a rendered
     * chart, with {@code namespace X assumed} when the object named no namespace.
     */
    @Override
    public String describe() {
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
  }

  /**
   * An object read from a cluster.
   *
   * @param cluster the API server URL (redacted by {@link ServerUrl}) or the snapshot's cluster name
   * @param collectedAt when the object was read, or null when not known
   */
  record ClusterSource(String cluster, Instant collectedAt) implements Provenance {
    public ClusterSource {
      cluster = ServerUrl.redact(Objects.requireNonNull(cluster, "cluster"));
    }

    /** {@code cluster at time}. */
    @Override
    public String describe() {
      return cluster + (collectedAt != null ? " at " + collectedAt : "");
    }
  }

  /**
   * An element of kubepci's own configuration that has no place in a file kubepci read, such as a waiver or an
   * attestation handed over through the API.
   *
   * @param file the configuration file, or null when the element came from no file
   * @param element what it is, as people name it ({@code waiver W-1}, {@code attestation for 3.1})
   */
  record ConfigurationSource(String file, String element) implements Provenance {
    public ConfigurationSource {
      Objects.requireNonNull(element, "element");
    }

    /** {@code configuration: element} or {@code file (element)}. */
    @Override
    public String describe() {
      return file == null ? "configuration: " + element : file + " (" + element + ")";
    }
  }

  /**
   * A fact no input states but a rule or an analysis derived, such as the namespace a namespace-wide default
   * applies to when no Namespace object was given.
   *
   * @param by the rule id ({@code KPCI-0012}) or the analysis ({@code network policies}) that derived it
   * @param from what it was derived from ({@code namespace shop})
   */
  record DerivedSource(String by, String from) implements Provenance {
    public DerivedSource {
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(from, "from");
    }

    /** {@code derived by B from F}. */
    @Override
    public String describe() {
      return "derived by " + by + " from " + from;
    }
  }
}
