package dev.kubepci.result;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.rule.Severity;
import dev.kubepci.waiver.Waiver;
import java.util.Comparator;
import java.util.List;

/**
 * One failed check on one object, with the evidence: the object, the field path, the value seen, where it was
 * read, and how to fix it.
 *
 * @param resource null for a finding about the cluster as a whole
 * @param source null for a finding about the cluster as a whole
 * @param status FAIL, or WAIVED when a waiver covers it
 * @param scope where the object sits in the declared PCI scope
 * @param waiver the waiver that covers it when WAIVED, else null
 */
public record Finding(
    String rule, String name, List<String> requirements, Severity severity, Status status,
    ResourceRef resource, Provenance source, ScopeZone scope, FieldPath path, String observed, String message,
    String remediation, Waiver waiver) {

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
  public static Builder builder(String rule, String name) {
    return new Builder(rule, name);
  }

  /** A builder that starts from this finding. */
  public Builder toBuilder() {
    return new Builder(rule, name).requirements(requirements).severity(severity).status(status).resource(resource)
        .source(source).scope(scope).path(path).observed(observed).message(message).remediation(remediation)
        .waiver(waiver);
  }

  /** Builds a {@link Finding} by naming its parts; unset parts keep the defaults {@link #builder} names. */
  public static final class Builder {
    private final String rule;
    private final String name;
    private List<String> requirements = List.of();
    private Severity severity;
    private Status status = Status.FAIL;
    private ResourceRef resource;
    private Provenance source;
    private ScopeZone scope = ScopeZone.UNSCOPED;
    private FieldPath path = FieldPath.root();
    private String observed;
    private String message;
    private String remediation;
    private Waiver waiver;

    private Builder(String rule, String name) {
      this.rule = rule;
      this.name = name;
    }

    public Builder requirements(List<String> v) {
      requirements = v;
      return this;
    }

    public Builder severity(Severity v) {
      severity = v;
      return this;
    }

    public Builder status(Status v) {
      status = v;
      return this;
    }

    /** The object and where it was read; null for a finding about the cluster as a whole. */
    public Builder resource(ResourceRef v) {
      resource = v;
      return this;
    }

    public Builder source(Provenance v) {
      source = v;
      return this;
    }

    public Builder scope(ScopeZone v) {
      scope = v;
      return this;
    }

    public Builder path(FieldPath v) {
      path = v;
      return this;
    }

    public Builder observed(String v) {
      observed = v;
      return this;
    }

    public Builder message(String v) {
      message = v;
      return this;
    }

    public Builder remediation(String v) {
      remediation = v;
      return this;
    }

    public Builder waiver(Waiver v) {
      waiver = v;
      return this;
    }

    public Finding build() {
      return new Finding(rule, name, requirements, severity, status, resource, source, scope, path, observed, message,
          remediation, waiver);
    }
  }

  public Finding withStatus(Status s) {
    return toBuilder().status(s).build();
  }

  /** This finding shown as WAIVED under {@code w}. */
  public Finding waivedBy(Waiver w) {
    return toBuilder().status(Status.WAIVED).waiver(w).build();
  }

  public Finding withSource(Provenance p) {
    return toBuilder().source(p).build();
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
