package dev.kubepci.waiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.ResourceRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaiversTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-01-15");
  private static final Set<String> RULES = Set.of("KPCI-0001", "privileged-container");
  private static final Set<String> PRACTICES = Set.of("3.1", "7.1");
  private static final ResourceRef CALICO = ResourceRef.of("apps/v1", "DaemonSet", "kube-system", "calico-node");

  private static Waiver waiver(String rule, String practice, Waiver.Scope scope, String justification,
      String approver, String expires) {
    return new Waiver(null, rule, practice, scope, justification, approver,
        expires == null ? null : LocalDate.parse(expires), null, null);
  }

  private static Waiver valid(Waiver.Scope scope) {
    return waiver("privileged-container", null, scope, "CNI needs it", "CISO", "2026-06-30");
  }

  @Test
  void acceptsAJustifiedApprovedUnexpiredWaiver() {
    assertThat(problem(valid(new Waiver.Scope("kube-system", null, null)), TODAY)).isNull();
  }

  @Test
  void aWaiverIsValidThroughItsExpiryDayAndExpiredAfter() {
    Waiver w = waiver("KPCI-0001", null, new Waiver.Scope("a", null, null), "j", "a", "2026-01-15");
    assertThat(problem(w, TODAY)).isNull();
    String problem = problem(w, TODAY.plusDays(1));
    assertThat(problem).isEqualTo("expired on 2026-01-15");
    assertThat(Waivers.rejection(w, TODAY.plusDays(1), RULES, PRACTICES)).isInstanceOf(WaiverOutcome.Expired.class);
  }

  @Test
  void rejectsWaiversMissingGovernance() {
    Waiver.Scope s = new Waiver.Scope("a", null, null);
    assertThat(problem(waiver("KPCI-0001", null, s, " ", "a", "2026-06-30"), TODAY))
        .isEqualTo("has no justification");
    assertThat(problem(waiver("KPCI-0001", null, s, "j", null, "2026-06-30"), TODAY))
        .isEqualTo("has no approver");
    assertThat(problem(waiver("KPCI-0001", null, s, "j", "a", null), TODAY))
        .isEqualTo("has no expiry date");
    assertThat(problem(waiver("KPCI-0001", null, new Waiver.Scope(null, null, null), "j", "a", "2026-06-30"), TODAY))
        .startsWith("has no scope");
    assertThat(problem(waiver("KPCI-0001", "3.1", s, "j", "a", "2026-06-30"), TODAY))
        .startsWith("names both");
    assertThat(problem(waiver(null, null, s, "j", "a", "2026-06-30"), TODAY))
        .startsWith("names neither");
    assertThat(problem(waiver("KPCI-9999", null, s, "j", "a", "2026-06-30"), TODAY))
        .isEqualTo("names an unknown rule 'KPCI-9999'");
    assertThat(problem(waiver(null, "99.1", s, "j", "a", "2026-06-30"), TODAY))
        .isEqualTo("names an unknown practice '99.1'");
  }

  @Test
  void coversByRuleIdOrNameAndScopePatterns() {
    assertThat(Waivers.covers(valid(new Waiver.Scope("kube-system", "daemonset", "calico-*")), "KPCI-0001",
        "privileged-container", List.of("3.1"), CALICO)).isTrue();
    assertThat(Waivers.covers(valid(new Waiver.Scope("kube-*", null, "calico-nod?")), "KPCI-0001",
        "privileged-container", List.of(), CALICO)).isTrue();
    assertThat(Waivers.covers(valid(new Waiver.Scope("payments", null, null)), "KPCI-0001", "privileged-container",
        List.of(), CALICO)).isFalse();
    assertThat(Waivers.covers(valid(new Waiver.Scope(null, "Deployment", null)), "KPCI-0001", "privileged-container",
        List.of(), CALICO)).isFalse();
    assertThat(Waivers.covers(valid(new Waiver.Scope("kube-system", null, null)), "KPCI-0002", "host-namespaces",
        List.of(), CALICO)).isFalse();
  }

  @Test
  void aPracticeWaiverCoversEveryRuleOfThatPractice() {
    Waiver w = waiver(null, "3.1", new Waiver.Scope("kube-system", null, null), "j", "a", "2026-06-30");
    assertThat(Waivers.covers(w, "KPCI-0002", "host-namespaces", List.of("3.1"), CALICO)).isTrue();
    assertThat(Waivers.covers(w, "KPCI-0002", "host-namespaces", List.of("2.1"), CALICO)).isFalse();
  }

  @Test
  void aClusterWideFindingIsCoveredOnlyByPatternsThatMatchNothingSpecific() {
    assertThat(Waivers.covers(valid(new Waiver.Scope(null, null, "*")), "KPCI-0001", "privileged-container",
        List.of(), null)).isTrue();
    assertThat(Waivers.covers(valid(new Waiver.Scope("kube-system", null, null)), "KPCI-0001",
        "privileged-container", List.of(), null)).isFalse();
  }

  @Test
  void attestationsNeedAKnownPracticeAVerdictAReviewerAPastDateAndEvidence() {
    Attestation ok = new Attestation("7.1", Attestation.Verdict.PASS, "QSA", TODAY, List.of("audit policy"), null,
        null);
    assertThat(problem(ok, TODAY)).isNull();
    assertThat(problem(new Attestation("9.9", Attestation.Verdict.PASS, "QSA", TODAY, List.of("x"), null,
        null), TODAY)).isEqualTo("names an unknown practice '9.9'");
    assertThat(problem(new Attestation("7.1", null, "QSA", TODAY, List.of("x"), null, null), TODAY))
        .startsWith("has no verdict");
    assertThat(problem(new Attestation("7.1", Attestation.Verdict.FAIL, "", TODAY, List.of("x"), null, null), TODAY))
        .isEqualTo("has no reviewer");
    assertThat(problem(new Attestation("7.1", Attestation.Verdict.FAIL, "QSA", TODAY.plusDays(1),
        List.of("x"), null, null), TODAY)).isEqualTo("is dated 2026-01-16, after the assessment");
    assertThat(problem(new Attestation("7.1", Attestation.Verdict.FAIL, "QSA", TODAY, List.of(), null, null), TODAY))
        .isEqualTo("lists no evidence reviewed");
  }

  /** The problem text of an attestation's rejection, null when it is valid. */
  private static String problem(Attestation a, LocalDate today) {
    AttestationOutcome.Invalid rejection = Waivers.rejection(a, today, PRACTICES);
    return rejection == null ? null : rejection.problem();
  }

  /** The problem text of a waiver's rejection, null when it is valid. */
  private static String problem(Waiver w, LocalDate today) {
    WaiverOutcome.Rejected rejection = Waivers.rejection(w, today, RULES, PRACTICES);
    return rejection == null ? null : rejection.problem();
  }
}
