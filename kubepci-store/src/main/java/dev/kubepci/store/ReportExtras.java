package dev.kubepci.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kubepci.result.AssessmentBasis;
import dev.kubepci.result.AssessmentReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an assessment holds besides its JSON report, kept so that the other formats (HTML, terminal, SARIF ...) of
 * a stored assessment are the same as those of the scan: the files and scope it rests on, the rules' rationale,
 * remediation and references, and the framework the cross-reference was written for. {@code kubepci scan --store}
 * records them; a report pushed as JSON alone has none, and its other formats then leave them out.
 *
 * @param rules the rules' texts by rule id
 * @param crossReferenceFramework the framework id and version the cross-reference maps, null without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportExtras(AssessmentBasis basis, Map<String, RuleText> rules, List<String> crossReferenceFramework) {
  /** A rule's description, as the report's rule results carry it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RuleText(String rationale, String remediation, List<String> references) {}

  public ReportExtras {
    rules = rules == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
  }

  /** The extras of {@code report}. */
  public static ReportExtras of(AssessmentReport report) {
    Map<String, RuleText> rules = new LinkedHashMap<>();
    report.rules().forEach(r -> rules.put(r.id(), new RuleText(r.rationale(), r.remediation(), r.references())));
    List<String> framework = report.crossReference() == null ? null
        : java.util.Arrays.asList(report.crossReference().framework(), report.crossReference().frameworkVersion());
    return new ReportExtras(report.basis(), rules, framework);
  }
}
