package dev.kubepci.result;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.rule.Severity;
import dev.kubepci.waiver.Waiver;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Comparator;
import java.util.List;

/**
 * One failed check on one object, with the evidence: the object, the field path, the value seen, where it was
 * read, and how to fix it.
 *
 * @param resource null for a finding about the cluster as a whole
 * @param source null for a finding about the cluster as a whole
 * @param status FAIL (the builder's default), or WAIVED when a waiver covers it
 * @param scope where the object sits in the declared PCI scope (the builder's default: unscoped); never null
 * @param path the field the finding is about (the builder's default: the object's root); never null
 * @param waiver the waiver that covers it when WAIVED, else null
 */
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record Finding(
    String rule, String name, List<String> requirements, Severity severity, Status status,
    ResourceRef resource, Provenance source, ScopeZone scope, FieldPath path, String observed, String message,
    String remediation, Waiver waiver) implements FindingBuilder.With {

  /** Most severe first, then by rule, object, path: the order of every report. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity, Comparator.reverseOrder())
          .thenComparing(Finding::rule)
          .thenComparing(Finding::resource, Comparator.nullsFirst(ResourceRef.ORDER))
          .thenComparing(f -> f.path().toString())
          .thenComparing(Finding::message);

  public Finding {
    requirements = List.copyOf(requirements);
    java.util.Objects.requireNonNull(path, "path");
    java.util.Objects.requireNonNull(scope, "scope");
  }

  /** A builder for a FAIL finding of rule {@code rule} ({@code name}) on no object, at the root path, unscoped. */
  public static FindingBuilder builder(String rule, String name) {
    return FindingBuilder.builder().rule(rule).name(name).status(Status.FAIL).scope(ScopeZone.UNSCOPED)
        .path(FieldPath.root());
  }

  /** This finding shown as WAIVED under {@code w}. */
  public Finding waivedBy(Waiver w) {
    return with(b -> b.status(Status.WAIVED).waiver(w));
  }

  /** A {@code kubectl} command that shows the same evidence on the cluster; null for cluster-wide findings. */
  public String kubectl() {
    return KubectlCommand.forEvidence(resource, path);
  }

  /**
   * What identifies this finding across runs whatever its line or wording: rule, object and field path. Used for
   * SARIF fingerprints and {@code kubepci diff}.
   */
  public String identity() {
    String object = resource == null ? "cluster" : resource.displayName();
    return rule + "|" + object + "|" + path;
  }

  /** The first 16 hex digits of the SHA-256 of {@link #identity()}: stable across runs, lines and wording. */
  public String fingerprint() {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(identity().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
