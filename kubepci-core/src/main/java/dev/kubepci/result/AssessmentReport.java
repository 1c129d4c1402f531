package dev.kubepci.result;

import dev.kubepci.crossref.CrossReference;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.ServerUrl;
import dev.kubepci.rule.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an assessment produced; reporters are pure functions of it.
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
public record AssessmentReport(
    String toolName, String toolVersion, String frameworkId, String frameworkVersion, String frameworkTitle,
    Instant generatedAt, List<String> inputs, ClusterInfo cluster, int objects, List<AreaResult> areas,
    List<RuleResult> rules, List<Finding> findings, List<ProcessingError> errors, List<WaiverResult> waivers,
    List<RuleError> ruleErrors, List<ProcessingError> skipped, AssessmentBasis basis,
    CrossReference crossReference) {

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

  /** A builder for a report: nothing found, waived, skipped or failed until set; no basis nor cross-reference. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this report. */
  public Builder toBuilder() {
    return new Builder()
        .toolName(toolName)
        .toolVersion(toolVersion)
        .frameworkId(frameworkId)
        .frameworkVersion(frameworkVersion)
        .frameworkTitle(frameworkTitle)
        .generatedAt(generatedAt)
        .inputs(inputs)
        .cluster(cluster)
        .objects(objects)
        .areas(areas)
        .rules(rules)
        .findings(findings)
        .errors(errors)
        .waivers(waivers)
        .ruleErrors(ruleErrors)
        .skipped(skipped)
        .basis(basis)
        .crossReference(crossReference);
  }

  /** The same report with its findings replaced (same order expected), e.g. once their lines are located. */
  public AssessmentReport withFindings(List<Finding> replaced) {
    return toBuilder().findings(replaced).build();
  }

  /** The same report listing {@code passedOver} as the documents skipped from the input. */
  public AssessmentReport withSkipped(List<ProcessingError> passedOver) {
    return toBuilder().skipped(passedOver).build();
  }

  /** The same report with the files and scope it rests on. */
  public AssessmentReport withBasis(AssessmentBasis b) {
    return toBuilder().basis(b).build();
  }

  /** The same report with the informative cross-reference of its practices attached. */
  public AssessmentReport withCrossReference(CrossReference x) {
    return toBuilder().crossReference(x).build();
  }

  /** Builds an {@link AssessmentReport} by naming its parts. */
  public static final class Builder {
    private String toolName;
    private String toolVersion;
    private String frameworkId;
    private String frameworkVersion;
    private String frameworkTitle;
    private Instant generatedAt;
    private List<String> inputs = List.of();
    private ClusterInfo cluster;
    private int objects;
    private List<AreaResult> areas = List.of();
    private List<RuleResult> rules = List.of();
    private List<Finding> findings = List.of();
    private List<ProcessingError> errors = List.of();
    private List<WaiverResult> waivers = List.of();
    private List<RuleError> ruleErrors = List.of();
    private List<ProcessingError> skipped = List.of();
    private AssessmentBasis basis = AssessmentBasis.NONE;
    private CrossReference crossReference;

    private Builder() {}

    public Builder toolName(String v) {
      toolName = v;
      return this;
    }

    public Builder toolVersion(String v) {
      toolVersion = v;
      return this;
    }

    public Builder frameworkId(String v) {
      frameworkId = v;
      return this;
    }

    public Builder frameworkVersion(String v) {
      frameworkVersion = v;
      return this;
    }

    public Builder frameworkTitle(String v) {
      frameworkTitle = v;
      return this;
    }

    public Builder generatedAt(Instant v) {
      generatedAt = v;
      return this;
    }

    public Builder inputs(List<String> v) {
      inputs = v;
      return this;
    }

    public Builder cluster(ClusterInfo v) {
      cluster = v;
      return this;
    }

    public Builder objects(int v) {
      objects = v;
      return this;
    }

    public Builder areas(List<AreaResult> v) {
      areas = v;
      return this;
    }

    public Builder rules(List<RuleResult> v) {
      rules = v;
      return this;
    }

    public Builder findings(List<Finding> v) {
      findings = v;
      return this;
    }

    public Builder errors(List<ProcessingError> v) {
      errors = v;
      return this;
    }

    public Builder waivers(List<WaiverResult> v) {
      waivers = v;
      return this;
    }

    public Builder ruleErrors(List<RuleError> v) {
      ruleErrors = v;
      return this;
    }

    public Builder skipped(List<ProcessingError> v) {
      skipped = v;
      return this;
    }

    public Builder basis(AssessmentBasis v) {
      basis = v;
      return this;
    }

    public Builder crossReference(CrossReference v) {
      crossReference = v;
      return this;
    }

    public AssessmentReport build() {
      return new AssessmentReport(toolName, toolVersion, frameworkId, frameworkVersion, frameworkTitle, generatedAt, inputs, cluster, objects, areas, rules, findings, errors, waivers, ruleErrors, skipped, basis, crossReference);
    }
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
