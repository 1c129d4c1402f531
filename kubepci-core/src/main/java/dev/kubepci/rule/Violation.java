package dev.kubepci.rule;

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

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    observed = observed == null ? ABSENT : observed;
  }

  public static Violation at(FieldPath path, Object observed, String message) {
    return new Violation(path, observed == null ? ABSENT : String.valueOf(observed), message, null);
  }

  public Violation withSeverity(Severity s) {
    return new Violation(path, observed, message, s);
  }
}
