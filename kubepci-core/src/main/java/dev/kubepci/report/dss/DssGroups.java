package dev.kubepci.report.dss;

import dev.kubepci.crossref.CrossReference;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's verdicts and findings organised by the PCI DSS requirements of its cross-reference: the same practices
 * and findings, filed under every requirement they support. No verdict on a DSS requirement is computed: the
 * cross-reference is informative, so each group shows its practices' own verdicts.
 */
public final class DssGroups {
  private DssGroups() {}

  /** A practice filed under a requirement, with why it supports it. */
  public record Entry(RequirementResult practice, String rationale) {}

  /**
   * One DSS requirement with the practices that support it (framework order) and their findings (report order).
   */
  public record Group(String id, String title, List<Entry> practices, List<Finding> findings) {
    public Group {
      practices = List.copyOf(practices);
      findings = List.copyOf(findings);
    }

    /** How many of its practices are in each status, every status present. */
    public Map<Status, Integer> counts() {
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (Status s : Status.values()) {
        counts.put(s, 0);
      }
      practices.forEach(e -> counts.merge(e.practice().status(), 1, Integer::sum));
      return counts;
    }
  }

  /** The groups of a report in the standard's order; the report must carry a cross-reference. */
  public static List<Group> of(AssessmentReport report) {
    CrossReference x = require(report);
    Map<String, RequirementResult> practices = new HashMap<>();
    report.requirements().forEach(r -> practices.put(r.id(), r));
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<CrossReference.Requirement, Map<String, String>> e : x.byRequirement().entrySet()) {
      List<Entry> entries = new ArrayList<>();
      report.requirements().stream().filter(r -> e.getValue().containsKey(r.id()))
          .forEach(r -> entries.add(new Entry(r, e.getValue().get(r.id()))));
      if (entries.isEmpty()) {
        continue; // the report holds none of the practices that support it
      }
      List<Finding> findings = report.findings().stream()
          .filter(f -> f.requirements().stream().anyMatch(e.getValue()::containsKey)).toList();
      groups.add(new Group(e.getKey().id(), e.getKey().title(), entries, findings));
    }
    return groups;
  }

  /** The cross-reference of a report, or a clear error when the report was made without one. */
  public static CrossReference require(AssessmentReport report) {
    if (report.crossReference() == null) {
      throw new IllegalArgumentException("the report carries no PCI DSS cross-reference to group by");
    }
    return report.crossReference();
  }

  /** "PCI DSS v4.0.1" for the cross-reference of a report. */
  public static String standard(AssessmentReport report) {
    return "PCI DSS v" + require(report).version();
  }
}
