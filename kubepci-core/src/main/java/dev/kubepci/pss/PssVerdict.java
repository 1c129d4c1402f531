package dev.kubepci.pss;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of evaluating one pod spec.
 *
 * @param level the level evaluated
 * @param version the version as requested (a version newer than known is reported as given)
 * @param allowed whether the pod meets the level, i.e. there are no violations
 * @param violations offending fields ordered by check id, then path
 */
public record PssVerdict(
    PssLevel level, PssVersion version, boolean allowed, List<PssViolation> violations) {
  public PssVerdict {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(version, "version");
    violations = List.copyOf(violations);
    if (allowed != violations.isEmpty()) {
      throw new IllegalArgumentException("a verdict is allowed exactly when it has no violations");
    }
  }
}
