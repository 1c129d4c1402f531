package dev.kubepci.report.oscal;

import dev.kubepci.oscal.Oscal;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.Status;
import dev.kubepci.result.WaiverResult;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.Waiver;
import dev.kubepci.waiver.WaiverOutcome;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NIST OSCAL 1.1.2 assessment results: the practices are the objectives (local objectives whose control ids are
 * those of {@code kubepci framework --format oscal}); each finding is an observation with its evidence (object,
 * field, value, source); each attestation an observation by its attester; each active waiver a risk whose deviation
 * was approved; and each practice a finding with its status. OSCAL knows only satisfied and not-satisfied: PASS is
 * satisfied, NOT_APPLICABLE satisfied for reason "other", and everything else not-satisfied (missing data and open
 * manual work are never satisfied); kubepci's own status is a property of every finding.
 */
public final class OscalReporter extends DocumentReporter<Oscal.AssessmentResultsDocument> {
  public OscalReporter() {
    super("oscal", OscalReporter::toOscal, JSON);
  }

  public static Oscal.AssessmentResultsDocument toOscal(AssessmentReport report) {
    String at = report.generatedAt().toString();
    String run = report.toolName() + "|" + report.toolVersion() + "|" + at + "|" + String.join(",", report.inputs());
    String toolUuid = Oscal.uuid("tool|" + report.toolName());
    Map<String, String> parties = new LinkedHashMap<>();
    List<Oscal.Observation> observations = new ArrayList<>();
    Map<String, List<String>> observationsByPractice = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      String uuid = Oscal.uuid("observation|" + run + "|" + f.identity());
      observations.add(observation(f, uuid, toolUuid, report));
      f.requirements().forEach(p -> observationsByPractice.computeIfAbsent(p, k -> new ArrayList<>()).add(uuid));
    }
    for (RequirementResult r : report.requirements()) {
      Attestation a = r.attestation();
      if (a == null) {
        continue;
      }
      String party = parties.computeIfAbsent(a.reviewer(), name -> Oscal.uuid("party|" + name));
      String uuid = Oscal.uuid("attestation|" + run + "|" + r.id() + "|" + a.reviewer());
      observations.add(attestation(r, a, uuid, party));
      observationsByPractice.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(uuid);
    }
    List<Oscal.Risk> risks = new ArrayList<>();
    Map<Waiver, String> riskOf = new LinkedHashMap<>();
    for (WaiverResult w : report.waivers()) {
      if (w.outcome() instanceof WaiverOutcome.Rejected) {
        continue; // a rejected waiver accepted no risk
      }
      String party = parties.computeIfAbsent(w.waiver().approver(), name -> Oscal.uuid("party|" + name));
      String uuid = Oscal.uuid("risk|" + run + "|" + w.waiver().label());
      riskOf.put(w.waiver(), uuid);
      risks.add(risk(w, uuid, party));
    }
    List<Oscal.Finding> findings = new ArrayList<>();
    for (RequirementResult r : report.requirements()) {
      List<String> relatedRisks = report.findings().stream()
          .filter(f -> f.waiver() != null && f.requirements().contains(r.id()) && riskOf.containsKey(f.waiver()))
          .map(f -> riskOf.get(f.waiver())).distinct().toList();
      findings.add(finding(r, Oscal.uuid("finding|" + run + "|" + r.id()), report,
          observationsByPractice.getOrDefault(r.id(), List.of()), relatedRisks));
    }

    List<Oscal.LocalObjective> objectives = report.requirements().stream()
        .map(r -> new Oscal.LocalObjective(Oscal.controlId(r.id()), r.title(),
            Oscal.props(Oscal.prop("assessment", r.assessment())),
            List.of(new Oscal.Part(Oscal.objectiveId(r.id()), "assessment-objective", null, null,
                "Determine whether: " + r.title() + ".", null))))
        .toList();
    List<Oscal.ControlRef> controls = report.requirements().stream()
        .map(r -> new Oscal.ControlRef(Oscal.controlId(r.id()))).toList();
    Oscal.Component tool = new Oscal.Component(toolUuid, "software", report.toolName(),
        "The assessment tool: automated checks of Kubernetes objects against the " + report.frameworkTitle() + ".",
        Oscal.props(Oscal.prop("version", report.toolVersion())), new Oscal.State("operational"));
    String clusterName = report.cluster() == null ? null : report.cluster().name();
    Oscal.Result result = new Oscal.Result(Oscal.uuid("result|" + run),
        "kubepci assessment of " + String.join(", ", report.inputs()),
        "Automated assessment of " + report.objects() + " Kubernetes objects against the " + report.frameworkTitle()
            + " v" + report.frameworkVersion() + " with " + report.rules().size() + " rules; "
            + report.errors().size() + " input errors.",
        at, at,
        Oscal.props(Oscal.prop("cluster", clusterName),
            Oscal.prop("cluster-server", report.cluster() == null ? null : report.cluster().server()),
            Oscal.prop("kubernetes-version", report.cluster() == null ? null : report.cluster().gitVersion()),
            Oscal.prop("input-errors", String.valueOf(report.errors().size()))),
        new Oscal.ResultDefinitions(List.of(tool)),
        new Oscal.ReviewedControls(List.of(new Oscal.ControlSelection(controls))),
        Oscal.orNull(observations), Oscal.orNull(risks), findings);

    String planUuid = Oscal.uuid("plan|" + report.frameworkId() + "|" + report.frameworkVersion());
    Oscal.BackMatter backMatter = new Oscal.BackMatter(List.of(new Oscal.Resource(planUuid,
        "Assessment plan: kubepci's built-in assessment of the " + report.frameworkTitle(),
        "There is no separate OSCAL assessment plan: kubepci assesses each practice of " + report.frameworkId() + " "
            + report.frameworkVersion() + " with the rules the framework maps to it ('kubepci framework --format "
            + "oscal' writes the framework as an OSCAL catalog, whose control ids these results use).",
        null, null)));
    List<Oscal.Party> partyList = parties.entrySet().stream()
        .map(e -> new Oscal.Party(e.getValue(), "person", e.getKey(), null)).toList();
    Oscal.Metadata metadata = new Oscal.Metadata(
        "kubepci assessment results: " + report.frameworkTitle() + " v" + report.frameworkVersion(), null, at,
        report.toolVersion(), Oscal.VERSION,
        Oscal.props(Oscal.prop("framework-id", report.frameworkId()),
            Oscal.prop("framework-version", report.frameworkVersion())),
        Oscal.orNull(partyList), report.crossReference() == null ? null
            : "The pci-dss-requirement properties of the findings come from " + report.crossReference().title()
                + ": " + report.crossReference().statement());
    return new Oscal.AssessmentResultsDocument(new Oscal.AssessmentResults(Oscal.uuid("assessment-results|" + run),
        metadata, new Oscal.ImportAp("#" + planUuid), new Oscal.LocalDefinitions(objectives), List.of(result),
        backMatter));
  }

  private static Oscal.Observation observation(Finding f, String uuid, String toolUuid, AssessmentReport report) {
    String object = f.resource() == null ? "cluster" : f.resource().displayName();
    List<Oscal.Prop> evidence = Oscal.props(
        Oscal.prop("object", object),
        Oscal.prop("api-version", f.resource() == null ? null : f.resource().apiVersion()),
        Oscal.prop("uid", f.resource() == null ? null : f.resource().uid()),
        Oscal.prop("field", f.path().toString()),
        Oscal.prop("value", f.observed()),
        Oscal.prop("source", f.source() == null ? null : f.source().describe()));
    String collected = f.source() instanceof dev.kubepci.model.Provenance.ClusterSource c && c.collectedAt() != null
        ? c.collectedAt().toString() : report.generatedAt().toString();
    return new Oscal.Observation(uuid, f.rule() + " " + f.name() + ": " + object, f.message(),
        Oscal.props(Oscal.prop("rule", f.rule()), Oscal.prop("severity", f.severity().name()),
            Oscal.prop("status", f.status().name()), Oscal.prop("scope", f.scope().label()),
            Oscal.prop("practices", String.join(" ", f.requirements())),
            Oscal.prop("fingerprint", f.fingerprint())),
        List.of("TEST"), List.of("finding"),
        List.of(new Oscal.Origin(List.of(new Oscal.Actor("tool", toolUuid)))),
        List.of(new Oscal.RelevantEvidence(null,
            object + (f.path().isRoot() ? "" : ": " + f.path() + " = " + f.observed())
                + (f.source() == null ? "" : " (" + f.source().describe() + ")"), evidence)),
        collected, "Remediation: " + f.remediation());
  }

  private static Oscal.Observation attestation(RequirementResult r, Attestation a, String uuid, String party) {
    List<Oscal.RelevantEvidence> reviewed = a.evidence().stream()
        .map(e -> new Oscal.RelevantEvidence(null, e, null)).toList();
    return new Oscal.Observation(uuid, "Attestation of " + r.id() + " by " + a.reviewer(),
        a.note() != null ? a.note() : "The assessor attests " + a.verdict() + " for " + r.id() + " " + r.title() + ".",
        Oscal.props(Oscal.prop("verdict", a.verdict().name()), Oscal.prop("practice", r.id()),
            Oscal.prop("applied", String.valueOf(r.attested())),
            Oscal.prop("source", a.source() == null ? null : a.source().describe())),
        List.of("EXAMINE", "INTERVIEW"), List.of("control-objective"),
        List.of(new Oscal.Origin(List.of(new Oscal.Actor("party", party)))), Oscal.orNull(reviewed),
        a.date().atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
        r.attested() ? null : "Not applied: the automated checks decide " + r.status() + ".");
  }

  private static Oscal.Risk risk(WaiverResult w, String uuid, String party) {
    Waiver v = w.waiver();
    return new Oscal.Risk(uuid, "Waiver " + v.label(), v.justification(),
        "Findings covered by waiver " + v.label() + " (" + w.matched() + ") are accepted as a risk by "
            + v.approver() + " until " + v.expires() + ".",
        Oscal.props(Oscal.prop("waiver", v.label()), Oscal.prop("approver", v.approver()),
            Oscal.prop("risk-analysis", v.riskAnalysis()), Oscal.prop("findings", String.valueOf(w.matched()))),
        "deviation-approved", List.of(new Oscal.Origin(List.of(new Oscal.Actor("party", party)))),
        v.expires() == null ? null : v.expires().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString(),
        null);
  }

  private static Oscal.Finding finding(RequirementResult r, String uuid, AssessmentReport report,
      List<String> observations, List<String> risks) {
    Oscal.ObjectiveStatus status = switch (r.status()) {
      case PASS -> new Oscal.ObjectiveStatus("satisfied", "pass", null);
      case NOT_APPLICABLE -> new Oscal.ObjectiveStatus("satisfied", "other", "kubepci status NOT_APPLICABLE");
      case FAIL -> new Oscal.ObjectiveStatus("not-satisfied", "fail", null);
      case WAIVED -> new Oscal.ObjectiveStatus("not-satisfied", "fail",
          "kubepci status WAIVED: every failure is covered by an approved deviation");
      default -> new Oscal.ObjectiveStatus("not-satisfied", "other", "kubepci status " + r.status().name());
    };
    List<Oscal.Prop> props = new ArrayList<>();
    props.add(Oscal.prop("status", r.status().name()));
    props.add(Oscal.prop("assessment", r.assessment()));
    if (r.automatedStatus() != null) {
      props.add(Oscal.prop("automated-status", r.automatedStatus().name()));
    }
    if (report.crossReference() != null) {
      report.crossReference().requirementIdsOf(r.id()).forEach(d -> props.add(Oscal.prop("pci-dss-requirement", d)));
    }
    String description = r.reason() != null ? r.reason()
        : r.status() == Status.PASS ? "Every check that decides the practice passed."
        : r.findings() + (r.findings() == 1 ? " finding." : " findings.");
    return new Oscal.Finding(uuid, r.id() + " " + r.title(), description, props,
        new Oscal.Target("objective-id", Oscal.objectiveId(r.id()), null, null, status),
        Oscal.orNull(observations.stream().map(Oscal.RelatedObservation::new).toList()),
        Oscal.orNull(risks.stream().map(Oscal.RelatedRisk::new).toList()));
  }
}
