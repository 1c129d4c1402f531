package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionPolicyRuleTest {
  private final RuleTester tester = RuleTester.of(new AdmissionPolicyRule());

  @Test
  void flagsPoliciesThatOnlyAudit() {
    tester.given("""
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata: {name: require-limits}
        spec:                           # expect-violation: no admission policy enforces the configuration standard
          validationFailureAction: Audit
          rules: []
        """).assertMarkedViolations();
  }

  @Test
  void readsModesAsTheAdmissionRulesDo() {
    // an Enforce policy that never runs at admission, and a Gatekeeper constraint that denies only in audit
    tester.given("""
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata: {name: background-only}
        spec:                           # expect-violation: 2 policy object(s) only audit or warn
          validationFailureAction: Enforce
          admission: false
          rules:
            - name: check
              match: {any: [{resources: {kinds: [Pod]}}]}
              validate: {pattern: {}}
        ---
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: K8sRequiredLabels
        metadata: {name: owner}
        spec:
          enforcementAction: scoped
          scopedEnforcementActions:
            - action: deny
              enforcementPoints: [{name: audit.gatekeeper.sh}]
        """).assertMarkedViolations();
  }

  @Test
  void flagsAClusterWithoutPolicyEngine() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {pod-security.kubernetes.io/enforce: baseline}
        """).assertStatus(Status.FAIL);
    assertThat(given.findings().get(0).message()).contains("Pod Security Admission enforces in 1 namespace(s)");
  }

  @Test
  void passesWithEnforcingPolicies() {
    var given = tester.given("""
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata: {name: disallow-privileged}
        spec:
          rules:
            - name: privileged
              validate: {failureAction: Enforce, pattern: {}}
        ---
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: K8sAllowedRepos
        metadata: {name: repos}
        spec: {enforcementAction: dryrun}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: no-latest}
        spec: {policyName: no-latest, validationActions: [Deny]}
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).contains(
        List.of("Gatekeeper", "K8sAllowedRepos/repos", "dryrun"),
        List.of("ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding/no-latest", "Deny"));
  }

  @Test
  void isNotAssessedWhenTheInputIsOnlyPartOfTheCluster() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: shop, image: shop}]
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
