package dev.kubepci.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.Status;
import dev.kubepci.result.WaiverResult;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.AttestationOutcome;
import dev.kubepci.waiver.Waiver;
import dev.kubepci.waiver.WaiverOutcome;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GovernanceStepTest {
  private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
  private static final String PODS = """
      apiVersion: v1
      kind: Pod
      metadata: {name: p1, namespace: ns-a}
      spec:
        hostPID: true
        containers: [{name: c, image: x}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p2, namespace: ns-b}
      spec:
        hostPID: true
        containers: [{name: c, image: x}]
      """;

  /** Flags hostPID, for these tests only. */
  @RuleInfo(id = "KPCI-0799", name = "test-host-pid", severity = Severity.HIGH)
  static final class HostPidRule implements WorkloadRule {
    @Override
    public List<Violation> check(Workload w, RuleContext c) {
      return Boolean.TRUE.equals(w.podSpec().getHostPID())
          ? List.of(Violation.at(w.podSpecPath().child("hostPID"), true, "pod shares the host PID namespace"))
          : List.of();
    }
  }

  private static AssessmentReport assess(List<Waiver> waivers, List<Attestation> attestations) throws IOException {
    List<Resource> resources = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource r) {
        resources.add(r);
      }

      @Override
      public void error(ProcessingError e) {
        throw new AssertionError(e.describe());
      }
    }).read("pods.yaml", new StringReader(PODS));
    RuleCatalog catalog = new RuleCatalog(List.of(new HostPidRule()));
    Framework framework = new Framework("test", "1", "Test", "kubepci", "2026", List.of(new Framework.Area("1",
        "Area", List.of(
            new Framework.Practice("1.1", "Automated practice", null, null, Framework.Assessment.automated,
                List.of("KPCI-0799"), List.of(), List.of(), List.of()),
            new Framework.Practice("1.2", "Manual practice", null, null, Framework.Assessment.manual, List.of(),
                List.of("a document"), List.of(), List.of()),
            new Framework.Practice("1.3", "Another manual practice", null, null, Framework.Assessment.manual,
                List.of(), List.of("another document"), List.of(), List.of())))));
    KubepciConfig config = new KubepciConfig(null, null, null, waivers, attestations);
    return new Assessor(new AssessmentRequest(framework, catalog, catalog.rules(), config,
        Clock.fixed(NOW, ZoneOffset.UTC), "test", List.of("pods.yaml"))).assess(Inventory.of(resources), List.of());
  }

  private static Waiver waiver(String namespace, String expires, String justification) {
    return new Waiver("W-1", "test-host-pid", null, new Waiver.Scope(namespace, "Pod", null), justification,
        "CISO", LocalDate.parse(expires), null, Provenance.ofFile("waivers.yaml", 1, 3));
  }

  private static Attestation attestation(String practice, Attestation.Verdict verdict, String date) {
    return new Attestation(practice, verdict, "QSA", LocalDate.parse(date), List.of("reviewed the policy"), "ok",
        Provenance.ofFile("attestations.yaml", 1, 2));
  }

  private static RequirementResult practice(AssessmentReport report, String id) {
    return report.requirements().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aWaiverTurnsTheFindingsInItsScopeIntoWaivedAndKeepsThem() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-a", "2026-06-30", "needed")), List.of());
    assertThat(report.findings()).extracting(f -> f.resource().namespace() + ":" + f.status())
        .containsExactly("ns-a:WAIVED", "ns-b:FAIL");
    Finding waived = report.findings().get(0);
    assertThat(waived.waiver().justification()).isEqualTo("needed");
    assertThat(report.rules().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(practice(report, "1.1").status()).isEqualTo(Status.FAIL);
    assertThat(report.waivers()).extracting(WaiverResult::outcome).containsExactly(new WaiverOutcome.Applied(1));
    assertThat(report.waivers()).extracting(WaiverResult::state, WaiverResult::matched)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ACTIVE", 1));
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void whenEveryFailureIsWaivedTheRuleAndPracticeAreWaivedNotPassed() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-*", "2026-06-30", "needed")), List.of());
    assertThat(report.findings()).hasSize(2).allMatch(f -> f.status() == Status.WAIVED);
    assertThat(report.rules().get(0).status()).isEqualTo(Status.WAIVED);
    assertThat(practice(report, "1.1").status()).isEqualTo(Status.WAIVED);
    assertThat(report.findingCounts().values()).allMatch(n -> n == 0);
  }

  @Test
  void anExpiredWaiverCoversNothingAndIsAnErrorWithItsSource() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-a", "2026-01-14", "needed")), List.of());
    assertThat(report.findings()).allMatch(f -> f.status() == Status.FAIL);
    assertThat(report.waivers().get(0).outcome()).isEqualTo(new WaiverOutcome.Expired(LocalDate.parse("2026-01-14")));
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.source().describe()).isEqualTo("waivers.yaml:3 (document 1)");
      assertThat(e.message()).contains("W-1").contains("expired on 2026-01-14").contains("stay FAIL");
    });
  }

  @Test
  void anUnjustifiedWaiverIsInvalid() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-a", "2026-06-30", "  ")), List.of());
    assertThat(report.findings()).allMatch(f -> f.status() == Status.FAIL);
    assertThat(report.waivers().get(0).outcome()).isInstanceOf(WaiverOutcome.Invalid.class);
    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("no justification"));
  }

  @Test
  void anAttestationDecidesAManualPracticeAndTheOthersStayOpen() throws IOException {
    AssessmentReport report = assess(List.of(), List.of(attestation("1.2", Attestation.Verdict.PASS, "2026-01-10")));
    RequirementResult attested = practice(report, "1.2");
    assertThat(attested.status()).isEqualTo(Status.PASS);
    assertThat(attested.attested()).isTrue();
    assertThat(attested.attestationOutcome()).isInstanceOf(AttestationOutcome.Decided.class);
    assertThat(attested.reason()).contains("attested PASS by QSA on 2026-01-10");
    assertThat(attested.toCollect()).isEmpty();
    assertThat(report.openPractices()).extracting(RequirementResult::id).containsExactly("1.3");
    assertThat(report.areas().get(0).status()).isEqualTo(Status.FAIL);
  }

  @Test
  void anAttestationNeverOverridesAnAutomatedFailure() throws IOException {
    AssessmentReport report = assess(List.of(), List.of(attestation("1.1", Attestation.Verdict.PASS, "2026-01-10")));
    RequirementResult r = practice(report, "1.1");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.attested()).isFalse();
    assertThat(r.attestation()).isNotNull();
    assertThat(r.attestationOutcome()).isInstanceOf(AttestationOutcome.Alongside.class);
  }

  @Test
  void aFailingAttestationFailsThePractice() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-*", "2026-06-30", "needed")),
        List.of(attestation("1.2", Attestation.Verdict.FAIL, "2026-01-10"),
            attestation("1.3", Attestation.Verdict.NOT_APPLICABLE, "2026-01-10")));
    assertThat(practice(report, "1.2").status()).isEqualTo(Status.FAIL);
    assertThat(practice(report, "1.3").status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(report.areas().get(0).status()).isEqualTo(Status.FAIL);
    assertThat(report.openPractices()).isEmpty();
  }

  @Test
  void futureDatedAndRepeatedAttestationsAreErrors() throws IOException {
    AssessmentReport report = assess(List.of(), List.of(
        attestation("1.2", Attestation.Verdict.PASS, "2026-02-01"),
        attestation("1.3", Attestation.Verdict.PASS, "2026-01-10"),
        attestation("1.3", Attestation.Verdict.FAIL, "2026-01-11")));
    assertThat(practice(report, "1.2").status()).isEqualTo(Status.MANUAL);
    assertThat(practice(report, "1.3").status()).isEqualTo(Status.PASS);
    assertThat(report.errors()).extracting(ProcessingError::message).containsExactly(
        "attestation for 1.2 is dated 2026-02-01, after the assessment; it was not applied",
        "attestation for 1.3 repeats practice 1.3 (the first attestation is kept); it was not applied");
  }

  @Test
  void aValidWaiverThatCoversNothingIsUnmatched() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-none", "2026-06-30", "needed")), List.of());
    assertThat(report.findings()).allMatch(f -> f.status() == Status.FAIL);
    assertThat(report.waivers()).extracting(WaiverResult::outcome).containsExactly(new WaiverOutcome.Unmatched());
    assertThat(report.waivers().get(0).state()).isEqualTo("ACTIVE");
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void aRepeatedIdIsRejectedAndOnlyTheFirstCounts() throws IOException {
    AssessmentReport report = assess(List.of(waiver("ns-a", "2026-06-30", "needed"),
        waiver("ns-b", "2026-06-30", "needed")), List.of());
    assertThat(report.waivers().get(0).outcome()).isEqualTo(new WaiverOutcome.Applied(1));
    assertThat(report.waivers().get(1).outcome()).isEqualTo(new WaiverOutcome.Repeated("waivers.yaml:3 (document 1)"));
    assertThat(report.waivers().get(1).problem()).isEqualTo("repeats the id of the waiver at waivers.yaml:3 (document 1)");
  }

  @Test
  void aWaiverGivenWithoutAFileIsNamedAsAConfigurationElementNotAFile() throws IOException {
    Waiver fromApi = waiver("ns-a", "2026-06-30", " ").withSource(null);
    AssessmentReport report = assess(List.of(fromApi), List.of());
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo(Provenance.ofConfiguration(null, "waiver W-1"));
      assertThat(e.source().isFile()).isFalse();
      assertThat(e.source().describe()).isEqualTo("configuration: waiver W-1");
    });
  }
}
