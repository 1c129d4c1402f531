package dev.kubepci.store;

import dev.kubepci.crossref.CrossReference;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentBasis;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleError;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.result.WaiverResult;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.AttestationOutcome;
import dev.kubepci.waiver.Waiver;
import dev.kubepci.waiver.WaiverOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result model of a stored assessment, rebuilt from its JSON report and the {@link ReportExtras} recorded with
 * it, so that every reporter writes what it wrote for the scan.
 */
final class ReportRebuilder {
  private ReportRebuilder() {}

  /**
   * What stands in the basis and in every rule's rationale and remediation when the assessment was recorded without
   * its extras, so that a format that shows them says they are missing rather than showing less (or, for the
   * basis, "none declared", which would not be true).
   */
  static final String NOT_RECORDED = "not recorded: the report was pushed as JSON alone, without the extras "
      + "(basis, rule texts) that kubepci scan --push sends";
  private static final AssessmentBasis BASIS_NOT_RECORDED = new AssessmentBasis(NOT_RECORDED, NOT_RECORDED,
      List.of());

  static AssessmentReport rebuild(JsonReport json, ReportExtras extras) {
    ReportExtras x = extras == null ? unrecorded(json) : extras;
    Map<String, JsonReport.Requirement> requirements = new LinkedHashMap<>();
    json.requirements().forEach(r -> requirements.put(r.id(), r));
    List<AreaResult> areas = new ArrayList<>();
    for (JsonReport.Area a : json.areas()) {
      List<RequirementResult> reqs = new ArrayList<>();
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      for (String id : a.requirements()) {
        RequirementResult r = requirement(requirements.get(id));
        reqs.add(r);
        counts.merge(r.status(), 1, Integer::sum);
      }
      areas.add(new AreaResult(a.id(), a.title(), Status.valueOf(a.status()), reqs, counts));
    }
    Map<String, List<Table>> tables = new LinkedHashMap<>();
    for (JsonReport.Table t : list(json.tables())) {
      tables.computeIfAbsent(t.rule(), k -> new ArrayList<>()).add(new Table(t.id(), t.title(), t.columns(), t.rows()));
    }
    List<RuleResult> rules = list(json.rules()).stream().map(r -> {
      ReportExtras.RuleText text = x.rules().get(r.id());
      return new RuleResult(r.id(), r.name(), r.title(), Severity.valueOf(r.severity()), r.requirements(),
          Status.valueOf(r.status()), r.reason(), r.failed(), r.passed(), list(r.notes()),
          tables.getOrDefault(r.id(), List.of()), text == null ? null : text.rationale(),
          text == null ? null : text.remediation(), text == null ? null : text.references());
    }).toList();
    List<Finding> findings = list(json.findings()).stream().map(f -> new Finding(f.rule(), f.name(),
        list(f.requirements()), Severity.valueOf(f.severity()), Status.valueOf(f.status()), ref(f.resource()),
        f.resource() == null ? null : provenance(f.resource().source()), scope(f.scope()), FieldPath.parse(f.path()),
        f.observed(),
        f.message(), f.remediation(), waiver(f.waiver()))).toList();
    List<ProcessingError> errors = list(json.errors()).stream()
        .map(e -> new ProcessingError(provenance(e.source()), e.message())).toList();
    List<WaiverResult> waivers = list(json.waivers()).stream().map(w -> {
      Waiver declared = waiver(w.waiver());
      return new WaiverResult(declared, waiverOutcome(declared, w.state(), w.matched(), w.problem()));
    }).toList();
    List<RuleError> ruleErrors = list(json.ruleErrors()).stream().map(e -> new RuleError(e.rule(), e.name(),
        ref(e.resource()), e.resource() == null ? null : provenance(e.resource().source()), e.message(), null))
        .toList();
    List<ProcessingError> skipped = list(json.skipped()).stream()
        .map(e -> new ProcessingError(provenance(e.source()), e.message())).toList();
    JsonReport.Cluster c = json.cluster();
    ClusterInfo cluster = c == null ? ClusterInfo.UNKNOWN : new ClusterInfo(c.name(), c.server(), c.version(),
        c.provider());
    return new AssessmentReport(json.tool().name(), json.tool().version(), json.framework().id(),
        json.framework().version(), json.framework().title(), Instant.parse(json.generatedAt()), list(json.inputs()),
        cluster, json.objects(), areas, rules, findings, errors, waivers, ruleErrors, skipped,
        x.basis() == null ? AssessmentBasis.NONE : x.basis(), crossReference(json, x));
  }

  /** The extras of a report recorded without them: every place they fill says that they were not recorded. */
  private static ReportExtras unrecorded(JsonReport json) {
    Map<String, ReportExtras.RuleText> rules = new LinkedHashMap<>();
    ReportExtras.RuleText text = new ReportExtras.RuleText(NOT_RECORDED, NOT_RECORDED, List.of());
    list(json.rules()).forEach(r -> rules.put(r.id(), text));
    return new ReportExtras(BASIS_NOT_RECORDED, rules, null);
  }

  private static RequirementResult requirement(JsonReport.Requirement r) {
    JsonReport.AttestationRecord a = r.attestation();
    Attestation attestation = a == null ? null : new Attestation(r.id(), Attestation.Verdict.valueOf(a.verdict()),
        a.reviewer(), a.date() == null ? null : LocalDate.parse(a.date()), a.evidence(), a.note(),
        provenance(a.source()));
    return new RequirementResult(r.id(), r.area(), r.title(), r.assessment(), Status.valueOf(r.status()),
        r.automatedStatus() == null ? null : Status.valueOf(r.automatedStatus()), list(r.rules()), r.reason(),
        list(r.evidence()), list(r.toCollect()), list(r.commands()), list(r.questions()), r.findings(),
        attestation == null ? null : a.applied() ? new AttestationOutcome.Decided(attestation)
            : new AttestationOutcome.Alongside(attestation));
  }

  private static CrossReference crossReference(JsonReport json, ReportExtras x) {
    JsonReport.CrossReferenceRef ref = json.crossReference();
    if (ref == null) {
      return null;
    }
    List<CrossReference.PracticeMapping> practices = json.requirements().stream()
        .map(r -> new CrossReference.PracticeMapping(r.id(), list(r.dss()).stream()
            .map(s -> new CrossReference.Support(s.id(), s.rationale())).toList()))
        .toList();
    List<String> framework = x.crossReferenceFramework();
    return new CrossReference(ref.id(), ref.version(), ref.title(),
        framework == null || framework.isEmpty() ? json.framework().id() : framework.get(0),
        framework == null || framework.size() < 2 ? json.framework().version() : framework.get(1), ref.statement(),
        list(ref.requirements()).stream().map(q -> new CrossReference.Requirement(q.id(), q.title())).toList(),
        practices);
  }

  private static Waiver waiver(JsonReport.WaiverRecord w) {
    if (w == null) {
      return null;
    }
    Waiver.Scope scope = w.scope() == null ? null
        : new Waiver.Scope(w.scope().namespace(), w.scope().kind(), w.scope().name());
    return new Waiver(w.id(), w.rule(), w.practice(), scope, w.justification(), w.approver(),
        w.expires() == null ? null : LocalDate.parse(w.expires()), w.riskAnalysis(), provenance(w.source()));
  }

  private static ResourceRef ref(JsonReport.Resource r) {
    return r == null ? null : new ResourceRef(r.apiVersion(), r.kind(), r.namespace(), r.name(), r.uid(),
        r.resourceVersion());
  }

  private static Provenance provenance(JsonReport.Source s) {
    if (s == null) {
      return null;
    }
    if (s.file() != null) {
      return new Provenance.FileSource(s.file(), zero(s.document()), zero(s.line()), zero(s.fieldLine()),
          s.template(), s.assumedNamespace());
    }
    if (s.configuration() != null) {
      return Provenance.ofConfiguration(s.configurationFile(), s.configuration());
    }
    if (s.derivedBy() != null) {
      return Provenance.derived(s.derivedBy(), s.derivedFrom());
    }
    return Provenance.ofCluster(s.cluster(), s.collectedAt() == null ? null : Instant.parse(s.collectedAt()));
  }

  private static ScopeZone scope(String label) {
    if (label == null) {
      return null;
    }
    for (ScopeZone z : ScopeZone.values()) {
      if (z.label().equals(label)) {
        return z;
      }
    }
    throw new IllegalArgumentException("unknown scope " + label);
  }

  /** What became of a waiver, as its JSON record (state, findings covered, problem) says. */
  private static WaiverOutcome waiverOutcome(Waiver declared, String state, int matched, String problem) {
    return switch (state) {
      case "ACTIVE" -> matched > 0 ? new WaiverOutcome.Applied(matched) : new WaiverOutcome.Unmatched();
      case "EXPIRED" -> new WaiverOutcome.Expired(declared.expires());
      default -> new WaiverOutcome.Invalid(problem);
    };
  }

  private static int zero(Integer i) {
    return i == null ? 0 : i;
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
