package dev.kubepci.rules.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityReadinessRuleTest {
  private final RuleTester tester = RuleTester.of(new PodSecurityReadinessRule());

  /** Meets restricted except seccomp, which restricted requires from v1.19 on. */
  private static final String NO_SECCOMP = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: payments
      spec:
        template:
          spec:
            securityContext:
              runAsNonRoot: true
            containers:
              - name: api
                image: api:1
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    drop: ["ALL"]
      """;

  @Test
  void flagsNamespaceWhoseWorkloadsBreakTheLevelItEnforces() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: payments
          labels:
            pod-security.kubernetes.io/enforce: restricted   # expect-violation: namespace payments enforces restricted@latest but 1 of its 2 workloads break it: Deployment/api
        ---
        """ + NO_SECCOMP + """
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: payments
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
              initContainers:
                - name: init
                  image: init:1
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop: ["ALL"]
              containers:
                - name: db
                  image: db:1
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop: ["ALL"]
        """).assertMarkedViolations().assertObserved("restricted");
    assertThat(given.result().tables()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("pss-readiness");
      assertThat(t.rows()).containsExactly(List.of("payments", "2", "restricted@latest", "-", "-", "none",
          "1 of 2: Deployment/api"));
    });
  }

  @Test
  void judgesAtThePinnedEnforceVersion() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: payments
          labels:
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: v1.18
        ---
        """ + NO_SECCOMP).assertNoViolations();
  }

  @Test
  void listsRejectedWorkloadsOfANamespaceThatEnforcesNothing() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web
          labels:
            pod-security.kubernetes.io/warn: baseline
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: web
        spec:
          hostNetwork: true
          containers:
            - name: debug
              image: busybox:1.36
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).containsExactly(List.of("web", "1", "-", "-",
        "baseline@latest", "1 of 1: Pod/debug", "1 of 1: Pod/debug"));
  }

  @Test
  void flagsAnInvalidLevelLabelWithLowSeverity() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web
          labels:
            pod-security.kubernetes.io/enforce: strict   # expect-violation: has an invalid Pod Security label pod-security.kubernetes.io/enforce=strict, so admission applies restricted at the latest version
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
          namespace: web
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: report
                      image: report:1
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop: ["ALL"]
        """).assertMarkedViolations();
    assertThat(given.findings()).extracting(f -> f.severity()).containsExactly(Severity.LOW);
  }

  @Test
  void isNotAssessedWhenTheNamespaceObjectIsMissing() {
    var result = tester.given(NO_SECCOMP).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).contains("payments").contains("labels are unknown");
    assertThat(result.tables().get(0).rows().get(0)).containsSequence("unknown", "unknown", "unknown");
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: empty
          labels:
            pod-security.kubernetes.io/enforce: restricted
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
