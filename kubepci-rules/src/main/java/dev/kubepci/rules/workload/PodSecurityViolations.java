package dev.kubepci.rules.workload;

import dev.kubepci.admission.ObjectFields;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Workload;
import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVersion;
import dev.kubepci.pss.PssViolation;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns the Pod Security evaluator's verdict on a workload into rule violations, one per offending field. */
final class PodSecurityViolations {
  private PodSecurityViolations() {}

  /**
   * The ids of the checks a rule on {@code level} reports: those the level adds (at restricted, not baseline's),
   * less those {@code reportedElsewhere} by a dedicated rule.
   */
  static Set<String> checks(PssLevel level, Set<String> reportedElsewhere) {
    Set<String> ids = new TreeSet<>(PodSecurityStandards.checkIds(level));
    if (level == PssLevel.RESTRICTED) {
      ids.removeAll(PodSecurityStandards.checkIds(PssLevel.BASELINE));
    }
    ids.removeAll(reportedElsewhere);
    return Set.copyOf(ids);
  }

  /**
   * The violations of {@code level} (latest version) whose check id is in {@code checks}, each naming the upstream
   * check, the field and the value found there. At restricted, fields that already break baseline are left out.
   */
  static List<Violation> of(Workload workload, PssLevel level, Set<String> checks) {
    List<Violation> out = new ArrayList<>();
    Map<String, Object> tree = null;
    Set<String> baselinePaths = new HashSet<>();
    if (level == PssLevel.RESTRICTED) {
      // a field that breaks baseline (a hostPath volume) is reported once, by the baseline rule
      PodSecurityStandards.evaluate(PssLevel.BASELINE, PssVersion.LATEST, workload).violations()
          .forEach(v -> baselinePaths.add(v.path()));
    }
    for (PssViolation v : PodSecurityStandards.evaluate(level, PssVersion.LATEST, workload).violations()) {
      if (!checks.contains(v.check()) || baselinePaths.contains(v.path())) {
        continue;
      }
      if (tree == null) {
        tree = ObjectFields.tree(workload.resource());
      }
      FieldPath path = FieldPath.parse(v.path());
      out.add(Violation.at(path, valueAt(tree, path), "[" + v.check() + "] " + v.message()));
    }
    return out;
  }

  /** The value at {@code path} in the object, as compact text; null (shown as absent) when the field is not set. */
  static String valueAt(Map<String, Object> tree, FieldPath path) {
    Object node = tree;
    for (Object segment : path.segments()) {
      if (segment instanceof Integer i) {
        node = node instanceof List<?> l && i < l.size() ? l.get(i) : null;
      } else {
        node = node instanceof Map<?, ?> m ? m.get(segment) : null;
      }
      if (node == null) {
        return null;
      }
    }
    return node instanceof Map<?, ?> || node instanceof List<?> ? ObjectFields.text(node) : node.toString();
  }
}
