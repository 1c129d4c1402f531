package dev.kubepci.result;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.rule.Severity;
import java.util.Comparator;
import java.util.List;

/**
 * One failed check on one object, with the evidence: the object, the field path, the value seen, where it was
 * read, and how to fix it.
 *
 * @param resource null for a finding about the cluster as a whole
 * @param source null for a finding about the cluster as a whole
 * @param status FAIL, or WAIVED when a waiver covers it
 * @param scope where the object sits in the declared PCI scope: cde, connected, shared, out-of-scope, or unscoped
 */
public record Finding(
    String rule, String name, List<String> requirements, Severity severity, Status status,
    ResourceRef resource, Provenance source, String scope, String path, String observed, String message,
    String remediation) {

  /** Most severe first, then by rule, object, path: the order of every report. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity, Comparator.reverseOrder())
          .thenComparing(Finding::rule)
          .thenComparing(Finding::resource, Comparator.nullsFirst(ResourceRef.ORDER))
          .thenComparing(Finding::path)
          .thenComparing(Finding::message);

  public Finding {
    requirements = List.copyOf(requirements);
  }

  public Finding withStatus(Status s) {
    return new Finding(rule, name, requirements, severity, s, resource, source, scope, path, observed, message,
        remediation);
  }
}
