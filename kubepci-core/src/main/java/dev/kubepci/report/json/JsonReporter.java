package dev.kubepci.report.json;

import dev.kubepci.crossref.CrossReference;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.Waiver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON report: typed records serialised by Jackson, deterministic for the same input. */
public final class JsonReporter extends DocumentReporter<JsonReport> {
  public JsonReporter() {
    super("json", JsonReporter::toJson, JSON);
  }

  /** The JSON model of a report. */
  public static JsonReport toJson(AssessmentReport report) {
    Map<String, Integer> requirementCounts = new LinkedHashMap<>();
    report.requirementCounts().forEach((s, n) -> requirementCounts.put(s.name(), n));
    Map<String, Integer> findingCounts = new LinkedHashMap<>();
    report.findingCounts().forEach((s, n) -> findingCounts.put(s.name(), n));
    Map<String, Integer> ruleCounts = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      ruleCounts.put(s.name(), 0);
    }
    report.rules().forEach(r -> ruleCounts.merge(r.status().name(), 1, Integer::sum));

    JsonReport.Cluster cluster = report.cluster() == null || report.cluster().equals(dev.kubepci.model.ClusterInfo.UNKNOWN)
        ? null
        : new JsonReport.Cluster(report.cluster().name(), report.cluster().server(), report.cluster().gitVersion(),
            report.cluster().provider());
    return new JsonReport(
        JsonReport.SCHEMA_VERSION,
        new JsonReport.Tool(report.toolName(), report.toolVersion()),
        new JsonReport.FrameworkRef(report.frameworkId(), report.frameworkVersion(), report.frameworkTitle()),
        crossReference(report.crossReference()),
        report.generatedAt().toString(),
        report.inputs(),
        cluster,
        report.objects(),
        new JsonReport.Summary(requirementCounts, findingCounts, ruleCounts, report.errors().size(),
            report.ruleErrors().size(),
            (int) report.findings().stream().filter(f -> f.status() == Status.WAIVED).count(),
            report.attestedPractices().size(), report.openPractices().stream().map(RequirementResult::id).toList(),
            report.findingCountsByScope(), report.skipped().isEmpty() ? null : report.skipped().size()),
        report.areas().stream().map(a -> new JsonReport.Area(a.id(), a.title(), a.status().name(),
            a.requirements().stream().map(RequirementResult::id).toList())).toList(),
        report.requirements().stream().map(r -> requirement(r, report.crossReference())).toList(),
        report.rules().stream().map(JsonReporter::rule).toList(),
        report.findings().stream().map(f -> finding(f, report.toolVersion(), report.crossReference())).toList(),
        report.rules().stream().flatMap(r -> r.tables().stream().map(t -> new JsonReport.Table(t.id(), t.title(),
            r.id(), t.columns(), t.rows()))).toList(),
        report.waivers().stream().map(w -> new JsonReport.WaiverState(waiver(w.waiver()), w.state(),
            w.matched(), w.problem())).toList(),
        report.errors().stream().map(JsonReporter::error).toList(),
        report.ruleErrors().stream().map(e -> new JsonReport.RuleError(e.rule(), e.name(),
            resource(e.resource(), e.source()), e.message())).toList(),
        emptyToNull(report.skipped().stream().map(JsonReporter::error).toList()));
  }

  private static JsonReport.CrossReferenceRef crossReference(CrossReference x) {
    if (x == null) {
      return null;
    }
    return new JsonReport.CrossReferenceRef(x.id(), x.version(), x.title(), x.statement(),
        x.requirements().stream().map(r -> new JsonReport.DssRequirement(r.id(), r.title())).toList());
  }

  private static JsonReport.Requirement requirement(RequirementResult r, CrossReference x) {
    return new JsonReport.Requirement(r.id(), r.area(), r.title(), r.assessment(), r.status().name(),
        r.automatedStatus() == null ? null : r.automatedStatus().name(), r.reason(), r.rules(), r.findings(),
        r.evidence(), r.toCollect(), emptyToNull(r.commands()), emptyToNull(r.questions()),
        attestation(r.attestation(), r.attested()),
        x == null ? null : x.supportsOf(r.id()).stream()
            .map(s -> new JsonReport.DssSupport(s.requirement(), s.rationale())).toList());
  }

  private static JsonReport.AttestationRecord attestation(Attestation a, boolean applied) {
    if (a == null) {
      return null;
    }
    return new JsonReport.AttestationRecord(a.verdict().name(), a.reviewer(), a.date().toString(), a.evidence(),
        a.note(), applied, source(a.source()));
  }

  /** The JSON form of a declared waiver. */
  public static JsonReport.WaiverRecord waiver(Waiver w) {
    if (w == null) {
      return null;
    }
    JsonReport.WaiverScope scope = w.scope() == null ? null
        : new JsonReport.WaiverScope(w.scope().namespace(), w.scope().kind(), w.scope().name());
    return new JsonReport.WaiverRecord(w.id(), w.rule(), w.practice(), scope, w.justification(), w.approver(),
        w.expires() == null ? null : w.expires().toString(), w.riskAnalysis(), source(w.source()));
  }

  private static JsonReport.Rule rule(RuleResult r) {
    return new JsonReport.Rule(r.id(), r.name(), r.title(), r.severity().name(), r.requirements(), r.status().name(),
        r.reason(), r.failed(), r.passed(), emptyToNull(r.notes()));
  }

  private static JsonReport.Finding finding(Finding f, String version, CrossReference x) {
    return new JsonReport.Finding(f.rule(), f.name(), version, f.requirements(), f.severity().name(),
        f.status().name(), f.scope().label(), resource(f.resource(), f.source()),
        x == null ? null : x.requirementIdsOf(f.requirements()), f.path().toString(), f.observed(), f.message(),
        f.remediation(), f.kubectl(), f.fingerprint(), waiver(f.waiver()));
  }

  private static JsonReport.Resource resource(ResourceRef ref, Provenance source) {
    if (ref == null) {
      return null;
    }
    return new JsonReport.Resource(ref.apiVersion(), ref.kind(), ref.namespace(), ref.name(), ref.uid(),
        ref.resourceVersion(), source(source));
  }

  static JsonReport.Source source(Provenance p) {
    if (p == null) {
      return null;
    }
    if (p instanceof Provenance.FileSource f) {
      return JsonReport.Source.file(f.file(), f.document() > 0 ? f.document() : null, f.line() > 0 ? f.line() : null,
          f.fieldLine() > 0 ? f.fieldLine() : null, f.template(), f.assumedNamespace());
    }
    if (p instanceof Provenance.ClusterSource c) {
      return JsonReport.Source.cluster(c.cluster(), c.collectedAt() == null ? null : c.collectedAt().toString());
    }
    if (p instanceof Provenance.ConfigurationSource c) {
      return JsonReport.Source.configuration(c.element(), c.file());
    }
    Provenance.DerivedSource d = (Provenance.DerivedSource) p;
    return JsonReport.Source.derived(d.by(), d.from());
  }

  private static JsonReport.Error error(ProcessingError e) {
    return new JsonReport.Error(source(e.source()), e.message());
  }

  private static <T> List<T> emptyToNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  static String lower(Severity s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
