package dev.kubepci.result;

import dev.kubepci.crossref.CrossReference;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.ServerUrl;
import dev.kubepci.rule.Table;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an assessment produced; reporters are pure functions of it. Built with {@link AssessmentReportBuilder}
 * (nothing found, waived, skipped or failed until set; no basis nor cross-reference) and changed with its withers
 * ({@code withFindings}, {@code with()} for a builder that starts from this report).
 *
 * @param inputs what was assessed: the paths given, or the cluster
 * @param objects how many objects were assessed
 * @param errors input kubepci could not use (unreadable documents, invalid waivers ...)
 * @param waivers every declared waiver with what became of it, in declaration order
 * @param ruleErrors rules that threw: bugs in kubepci, kept apart from the input errors
 * @param skipped documents of the input passed over because they are not Kubernetes objects (Helm values, compose
 *     files, kubepci's own configuration): listed so that nothing given is dropped silently, but not errors
 * @param basis the configuration, scope and files the assessment rests on
 * @param crossReference the informative PCI DSS cross-reference of the practices, null when not attached
 */
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record AssessmentReport(
    String toolName, String toolVersion, String frameworkId, String frameworkVersion, String frameworkTitle,
    Instant generatedAt, List<String> inputs, ClusterInfo cluster, int objects, List<AreaResult> areas,
    List<RuleResult> rules, List<Finding> findings, List<ProcessingError> errors, List<WaiverResult> waivers,
    List<RuleError> ruleErrors, List<ProcessingError> skipped, AssessmentBasis basis,
    CrossReference crossReference) implements AssessmentReportBuilder.With {

  public AssessmentReport {
    ruleErrors = ruleErrors == null ? List.of() : List.copyOf(ruleErrors);
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
    basis = basis == null ? AssessmentBasis.NONE : basis;
    inputs = inputs.stream().map(ServerUrl::redactIn).toList();
    areas = List.copyOf(areas);
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    waivers = List.copyOf(waivers);
  }

  /** Number of failing (not waived) findings at {@code threshold} or above. */
  public long failingAtOrAbove(dev.kubepci.rule.Severity threshold) {
    return findings.stream().filter(f -> f.status() == Status.FAIL && f.severity().compareTo(threshold) >= 0).count();
  }

  /** Number of waived findings. */
  public long waivedFindings() {
    return findings.stream().filter(f -> f.status() == Status.WAIVED).count();
  }

  /** The MANUAL practices no attestation has decided yet, in document order. */
  public List<RequirementResult> openPractices() {
    return requirements().stream().filter(RequirementResult::isOpen).toList();
  }

  /** The practices an attestation decided, in document order. */
  public List<RequirementResult> attestedPractices() {
    return requirements().stream().filter(RequirementResult::attested).toList();
  }

  /** Every table the rules gathered, in rule order. */
  public List<Table> tables() {
    return rules.stream().flatMap(r -> r.tables().stream()).toList();
  }

  /** All practices in document order. */
  public List<RequirementResult> requirements() {
    return areas.stream().flatMap(a -> a.requirements().stream()).toList();
  }

  /** Number of practices in each status, every status a practice can have present (ERROR is for rules only). */
  public Map<Status, Integer> requirementCounts() {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      if (s != Status.ERROR) {
        counts.put(s, 0);
      }
    }
    requirements().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    return counts;
  }

  /**
   * Number of failing (not waived) findings per PCI scope ({@code cde}, {@code connected}, {@code shared},
   * {@code out-of-scope}, {@code unscoped}), sorted by scope; scopes without findings are left out.
   */
  public Map<String, Integer> findingCountsByScope() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    findings.stream().filter(f -> f.status() == Status.FAIL)
        .forEach(f -> counts.merge(f.scope().label(), 1, Integer::sum));
    return counts;
  }

  /** Number of failing (not waived) findings at each severity, every severity present. */
  public Map<dev.kubepci.rule.Severity, Integer> findingCounts() {
    Map<dev.kubepci.rule.Severity, Integer> counts = new EnumMap<>(dev.kubepci.rule.Severity.class);
    for (dev.kubepci.rule.Severity s : dev.kubepci.rule.Severity.values()) {
      counts.put(s, 0);
    }
    findings.stream().filter(f -> f.status() == Status.FAIL).forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }
}
