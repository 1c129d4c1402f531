package dev.kubepci.rules;

import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins violations of one object that point at the same field: a finding is identified by rule, object and path
 * (reports and {@code kubepci diff} rely on it), so two observations at one path become one finding whose message
 * says both, at the higher severity.
 */
public final class SamePathViolations {
  private SamePathViolations() {}

  public static List<Violation> merge(List<Violation> violations) {
    Map<String, Violation> byPath = new LinkedHashMap<>();
    for (Violation v : violations) {
      byPath.merge(v.path().toString(), v, SamePathViolations::join);
    }
    return new ArrayList<>(byPath.values());
  }

  private static Violation join(Violation a, Violation b) {
    String observed = a.observed().equals(b.observed()) ? a.observed() : a.observed() + "; " + b.observed();
    Severity severity = a.severity() == null || b.severity() == null ? null
        : a.severity().compareTo(b.severity()) >= 0 ? a.severity() : b.severity();
    return new Violation(a.path(), observed, a.message() + "; " + b.message(), severity);
  }
}
