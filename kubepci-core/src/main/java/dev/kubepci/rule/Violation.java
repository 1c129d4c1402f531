package dev.kubepci.rule;

import dev.kubepci.model.EvidenceText;
import dev.kubepci.model.FieldPath;
import java.util.Objects;

/**
 * One observation that breaks a rule: where (field path), what was seen there, and a sentence for people.
 *
 * @param observed the value seen, already redacted when it is secret; {@code <absent>} for a missing field
 * @param severity null to use the rule's severity
 */
public record Violation(FieldPath path, String observed, String message, Severity severity) {
  public static final String ABSENT = "<absent>";
  /** Longer observed values are cut: a report grows with its findings, not with the size of input values. */
  public static final int MAX_OBSERVED = EvidenceText.MAX_VALUE;
  /** Longer messages (which may quote a name or a value) are cut likewise. */
  public static final int MAX_MESSAGE = 2048;

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    observed = observed == null ? ABSENT : EvidenceText.cut(observed, MAX_OBSERVED);
    message = EvidenceText.cut(message, MAX_MESSAGE);
  }

  public static Violation at(FieldPath path, Object observed, String message) {
    return new Violation(path, observed == null ? ABSENT : String.valueOf(observed), message, null);
  }

  public Violation withSeverity(Severity s) {
    return new Violation(path, observed, message, s);
  }

  /**
   * One violation per path: violations at the same path (two absent flags both pointing at a container's command)
   * are joined, so that a finding's identity (rule, object, path) stays unique. The higher severity wins, a null
   * severity standing for {@code own}, the rule's.
   */
  public static java.util.List<Violation> onePerPath(java.util.List<Violation> violations, Severity own) {
    java.util.Map<String, Violation> byPath = new java.util.LinkedHashMap<>();
    for (Violation v : violations) {
      byPath.merge(v.path().toString(), v, (a, b) -> {
        Severity sa = a.severity() == null ? own : a.severity();
        Severity sb = b.severity() == null ? own : b.severity();
        Severity higher = sa.compareTo(sb) >= 0 ? sa : sb;
        return new Violation(a.path(),
            a.observed().equals(b.observed()) ? a.observed() : a.observed() + "; " + b.observed(),
            a.message() + "; " + b.message(), higher == own ? null : higher);
      });
    }
    return java.util.List.copyOf(byPath.values());
  }
}
