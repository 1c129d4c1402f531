package dev.kubepci.report;

import dev.kubepci.result.AssessmentBasis;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.model.FieldPath;
import dev.kubepci.crossref.CrossReference;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.AssessmentReportBuilder;
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
import java.util.List;
import java.util.Map;

/**
 * A small assessment that holds every case a report must show: findings from a file (with object and field line)
 * and from a cluster (with uid and resourceVersion), a finding about the cluster as a whole, a waived finding, every
 * practice status, an applied and an overridden attestation, active, expired and invalid waivers, a table, input
 * errors, and text that needs escaping in every format.
 */
public final class ReportFixture {
  public static final Instant GENERATED = Instant.parse("2026-01-15T10:00:00Z");

  private ReportFixture() {}

  public static AssessmentReport sample() {
    Waiver active = new Waiver("RISK-42", "KPCI-0003", null, new Waiver.Scope("kube-system", "DaemonSet", "node-*"),
        "The node agent needs the host PID namespace to read process events; it is isolated on dedicated nodes.",
        "Jane Roe (CISO)", LocalDate.parse("2026-06-30"), "TRA-2025-07",
        Provenance.ofFile("waivers.yaml", 1, 2));
    Waiver expired = new Waiver(null, "privileged-container", null, new Waiver.Scope("payments", null, "*"),
        "Temporary exception during the migration", "John Doe", LocalDate.parse("2025-12-31"), null,
        Provenance.ofFile("waivers.yaml", 1, 12));
    Waiver invalid = new Waiver("RISK-7", null, "1.1", new Waiver.Scope(null, "ClusterRoleBinding", null), null,
        "John Doe", LocalDate.parse("2026-03-01"), null, Provenance.ofFile("waivers.yaml", 1, 20));
    Attestation applied = new Attestation("2.2", Attestation.Verdict.PASS, "A. Assessor (QSA)",
        LocalDate.parse("2026-01-10"), List.of("Image build pipeline configuration, reviewed 2026-01-09",
            "Interview with the platform team"), "Base images are rebuilt weekly", Provenance.ofFile("att.yaml", 1, 2));
    Attestation failed = new Attestation("3.2", Attestation.Verdict.FAIL, "A. Assessor (QSA)",
        LocalDate.parse("2026-01-11"), List.of("Node pool configuration"), "CDE pods share nodes with other workloads",
        Provenance.ofFile("att.yaml", 1, 9));
    Attestation overridden = new Attestation("1.1", Attestation.Verdict.PASS, "B. Reviewer",
        LocalDate.parse("2026-01-12"), List.of("API server flags"), null, Provenance.ofFile("att.yaml", 1, 15));

    ResourceRef api = new ResourceRef("apps/v1", "Deployment", "payments", "api", null, null);
    ResourceRef crb = new ResourceRef("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null, "ci-admin",
        "3f2b6c1e-0d4a-4c7e-9a51-2b7d1c0e9f11", "48213");
    ResourceRef agent = new ResourceRef("apps/v1", "DaemonSet", "kube-system", "node-agent", null, null);
    Instant collected = Instant.parse("2026-01-15T09:58:00Z");
    List<Finding> findings = List.of(
        Finding.builder("KPCI-0001", "privileged-container").requirements(List.of("1.1")).severity(Severity.CRITICAL)
            .resource(api).source(Provenance.ofFile("manifests/payments/api.yaml", 2, 14).withFieldLine(31))
            .scope(ScopeZone.CDE).path(FieldPath.parse("spec.template.spec.containers[0].securityContext.privileged"))
            .observed("true").message("container \"api\" runs privileged, with <all> host devices | not isolated")
            .remediation("Remove privileged: true; grant only the capabilities the container needs.").build(),
        Finding.builder("KPCI-0002", "cluster-admin-binding").requirements(List.of("1.1", "3.2"))
            .severity(Severity.HIGH).resource(crb).source(Provenance.ofCluster("https://10.0.0.1:6443", collected))
            .scope(ScopeZone.SHARED).path(FieldPath.parse("subjects[0].name")).observed("ci-bot")
            .message("ServiceAccount ci/ci-bot is bound to cluster-admin")
            .remediation("Bind a role that grants only what the job needs.").build(),
        Finding.builder("KPCI-0003", "host-namespaces").requirements(List.of("2.1")).severity(Severity.MEDIUM)
            .status(Status.WAIVED).resource(agent)
            .source(Provenance.ofFile("manifests/kube-system/agent.yaml", 1, 1).withFieldLine(20))
            .scope(ScopeZone.OUT_OF_SCOPE).path(FieldPath.parse("spec.template.spec.hostPID")).observed("true")
            .message("pod shares the host's PID namespace").remediation("Set hostPID: false.").waiver(active).build(),
        Finding.builder("KPCI-0004", "audit-logging").requirements(List.of("1.1")).severity(Severity.LOW)
            .scope(ScopeZone.SHARED).observed("<absent>").message("no audit policy was found for the API server")
            .remediation("Configure --audit-policy-file.").build());

    List<RuleResult> rules = List.of(
        rule("KPCI-0001", "privileged-container", "Containers do not run privileged", Severity.CRITICAL,
            List.of("1.1"), Status.FAIL, 1, 3),
        rule("KPCI-0002", "cluster-admin-binding", "Only administrators are bound to cluster-admin", Severity.HIGH,
            List.of("1.1", "3.2"), Status.FAIL, 1, 4),
        rule("KPCI-0003", "host-namespaces", "Workloads do not share the node's namespaces", Severity.MEDIUM,
            List.of("2.1"), Status.WAIVED, 1, 5),
        rule("KPCI-0004", "audit-logging", "The API server writes an audit log", Severity.LOW, List.of("1.1"),
            Status.FAIL, 1, 0),
        new RuleResult("KPCI-0005", "namespace-default-deny", "Every namespace denies traffic by default",
            Severity.HIGH, List.of("2.3"), Status.NOT_ASSESSED, "could not read NetworkPolicy: forbidden", 0, 0,
            List.of(), List.of(new Table("namespace-isolation", "Namespace isolation", List.of("namespace", "default deny",
                "policies"), List.of(List.of("payments", "yes", "3"), List.of("web", "no, \"allow-all\" | open", "1")))),
            "Without a default deny every pod can reach every other pod.", "Add a default-deny NetworkPolicy.",
            List.of()));

    List<AreaResult> areas = List.of(
        area("1", "Authentication", List.of(
            req("1.1", "1", "Orchestrator APIs require authentication", "partial", Status.FAIL, Status.FAIL,
                List.of("KPCI-0001", "KPCI-0002", "KPCI-0004"), null, 3, overridden, false),
            req("1.2", "1", "Administrator accounts are individual", "manual", Status.MANUAL, null, List.of(),
                "no automated check decides this practice; collect the evidence listed", 0, null, false))),
        area("2", "Workload Security", List.of(
            req("2.1", "2", "Workloads cannot reach node resources", "automated", Status.WAIVED, Status.WAIVED,
                List.of("KPCI-0003"), null, 1, null, false),
            req("2.2", "2", "Images come from trusted, current bases", "manual", Status.PASS, null, List.of(),
                "attested PASS by A. Assessor (QSA) on 2026-01-10: Base images are rebuilt weekly", 0, applied, true),
            req("2.3", "2", "Container networks deny by default", "automated", Status.NOT_ASSESSED, Status.NOT_ASSESSED,
                List.of("KPCI-0005"), "KPCI-0005: could not read NetworkPolicy: forbidden", 0, null, false))),
        area("3", "Segmentation", List.of(
            req("3.1", "3", "Windows workloads are process-isolated", "manual", Status.NOT_APPLICABLE, null, List.of(),
                "no Windows node is in the input", 0, null, false),
            req("3.2", "3", "Critical workloads run on dedicated nodes", "partial", Status.FAIL, Status.PASS,
                List.of("KPCI-0002"), "attested FAIL by A. Assessor (QSA) on 2026-01-11", 1, failed, true))));

    List<ProcessingError> errors = List.of(
        new ProcessingError(Provenance.ofFile("manifests/broken.yaml", 3, 7),
            "syntax error: mapping values are not allowed here"),
        new ProcessingError(Provenance.ofFile("waivers.yaml", 1, 12),
            "waiver privileged-container (namespace=payments name=*) expired on 2025-12-31; the findings it names stay FAIL"),
        new ProcessingError(Provenance.ofFile("waivers.yaml", 1, 20),
            "waiver RISK-7 has no justification; the findings it names stay FAIL"));
    List<WaiverResult> waivers = List.of(
        new WaiverResult(active, new WaiverOutcome.Applied(1)),
        new WaiverResult(expired, new WaiverOutcome.Expired(java.time.LocalDate.parse("2025-12-31"))),
        new WaiverResult(invalid, new WaiverOutcome.Invalid("has no justification")));
    return AssessmentReportBuilder.builder().toolName("kubepci").toolVersion("1.2.3").frameworkId("pci-container-guidance")
        .frameworkVersion("1.0").frameworkTitle("Guidance for Containers and Container Orchestration Tools")
        .generatedAt(GENERATED).inputs(List.of("manifests/", "https://10.0.0.1:6443"))
        .cluster(new ClusterInfo("prod-eu", "https://10.0.0.1:6443", "v1.31.4", null)).objects(42).areas(areas)
        .rules(rules).findings(findings).errors(errors).waivers(waivers).crossReference(crossReference()).build();
  }

  /**
   * A cross-reference of the sample's seven practices to four DSS requirements: one practice supports two, one
   * requirement gathers three practices, and a rationale holds text that needs escaping.
   */
  public static CrossReference crossReference() {
    return new CrossReference("pci-dss", "4.0.1", "PCI DSS v4.0.1 cross-reference (sample)",
        "pci-container-guidance", "1.0",
        "Informative sample: kubepci's interpretation, not a statement by the PCI Security Standards Council.",
        List.of(new CrossReference.Requirement("1.3", "Network access to and from the CDE is restricted"),
            new CrossReference.Requirement("2.2", "System components are configured & managed securely"),
            new CrossReference.Requirement("8.2", "User identification and accounts are strictly managed"),
            new CrossReference.Requirement("12.5", "PCI DSS scope is documented and validated")),
        List.of(mapping("1.1", "8.2", "API calls are <authenticated> | attributable"),
            mapping("1.2", "8.2", "Personal accounts, no shared ones"),
            new CrossReference.PracticeMapping("2.1", List.of(
                new CrossReference.Support("2.2", "Host namespaces are insecure settings"),
                new CrossReference.Support("12.5", "Workloads that reach the node widen the scope"))),
            mapping("2.2", "2.2", "Trusted base images are a configuration standard"),
            mapping("2.3", "1.3", "Deny-by-default restricts traffic to the CDE"),
            mapping("3.1", "2.2", "Isolation separates functions of different security levels"),
            mapping("3.2", "12.5", "Dedicated nodes keep other workloads out of scope")));
  }

  private static CrossReference.PracticeMapping mapping(String practice, String requirement, String rationale) {
    return new CrossReference.PracticeMapping(practice, List.of(new CrossReference.Support(requirement, rationale)));
  }

  /**
   * The sample report in which rule KPCI-0005 failed with an internal error on an Ingress whose namespace was
   * assumed: the rule is ERROR and the error is listed apart from the input errors.
   */
  public static AssessmentReport withRuleError() {
    AssessmentReport r = sample();
    List<RuleResult> rules = r.rules().stream().map(x -> x.id().equals("KPCI-0005")
        ? new RuleResult(x.id(), x.name(), x.title(), x.severity(), x.requirements(), Status.ERROR,
            "internal error in rule KPCI-0005 namespace-default-deny on 1 object(s) (NullPointerException)", 0, 0,
            List.of(), List.of(), x.rationale(), x.remediation(), x.references())
        : x).toList();
    RuleError error = new RuleError("KPCI-0005", "namespace-default-deny",
        new ResourceRef("networking.k8s.io/v1", "Ingress", "default", "admin", null, null),
        Provenance.ofFile("manifests/ingress.yaml", 1, 1).withAssumedNamespace("default"),
        "java.lang.NullPointerException: rule boom", "java.lang.NullPointerException: rule boom\n\tat Rule.check");
    return r.with().rules(rules).ruleErrors(List.of(error)).skipped(List.of()).basis(AssessmentBasis.NONE)
        .crossReference(null).build();
  }

  private static RuleResult rule(String id, String name, String title, Severity severity, List<String> reqs,
      Status status, int failed, int passed) {
    return new RuleResult(id, name, title, severity, reqs, status, null, failed, passed,
        List.of(passed + " object(s) passed"), List.of(), "This matters because " + title.toLowerCase() + ".",
        "Fix it so that " + title.toLowerCase() + ".",
        List.of("https://kubernetes.io/docs/concepts/security/pod-security-standards/"));
  }

  private static RequirementResult req(String id, String area, String title, String assessment, Status status,
      Status automated, List<String> rules, String reason, int findings, Attestation attestation, boolean attested) {
    List<String> evidence = new ArrayList<>();
    rules.forEach(r -> evidence.add(r + ": " + automated));
    List<String> toCollect = status == Status.PASS || attested ? List.of()
        : List.of("Evidence for " + id + ": configuration & <flags> as read on the nodes");
    return new RequirementResult(id, area, title, assessment, status, automated, rules, reason, evidence, toCollect,
        status == Status.MANUAL ? List.of("kubectl get clusterrolebindings -o wide") : List.of(),
        status == Status.MANUAL ? List.of("Who approves new administrator accounts?") : List.of(), findings,
        attestation == null ? null
            : attested ? new AttestationOutcome.Decided(attestation) : new AttestationOutcome.Alongside(attestation));
  }

  private static AreaResult area(String id, String title, List<RequirementResult> reqs) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    reqs.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    Status status = reqs.stream().map(RequirementResult::status).anyMatch(s -> s == Status.FAIL) ? Status.FAIL
        : reqs.stream().map(RequirementResult::status).anyMatch(s -> s == Status.NOT_ASSESSED) ? Status.NOT_ASSESSED
        : Status.MANUAL;
    return new AreaResult(id, title, status, reqs, counts);
  }
}
