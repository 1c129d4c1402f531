package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditPolicyRuleTest {
  private final RuleTester tester = RuleTester.of(new AuditPolicyRule());

  @Test
  void passesForAPciPolicy() {
    var given = tester.given("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: [RequestReceived]
        rules:
          - level: None
            users: ["system:kube-proxy"]
            verbs: ["watch"]
          - level: None
            nonResourceURLs: ["/healthz*", "/version"]
          - level: Metadata
            resources:
              - group: ""
                resources: ["secrets", "configmaps"]
          - level: RequestResponse
            resources:
              - group: "rbac.authorization.k8s.io"
          - level: Request
            resources:
              - group: ""
                resources: ["pods/*"]
          - level: Metadata
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).contains(
        List.of("Policy/test", "a person reads a Secret", "Metadata", "rules[2]", "RequestReceived"),
        List.of("Policy/test", "a person execs into a pod", "Request", "rules[4]", "RequestReceived"),
        List.of("Policy/test", "a request fails authentication", "Request", "rules[4]", "RequestReceived"),
        List.of("Policy/test", "any other request", "Metadata", "rules[5] (catch-all)", "-"));
  }

  @Test
  void flagsSecretBodiesDroppedExecAndMissingCatchAll() {
    tester.given("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        metadata: {name: weak}
        rules:                          # expect-violation: no catch-all rule
          - level: RequestResponse      # expect-violation: records the Secret's content
            resources:
              - group: ""
                resources: ["secrets"]
          - level: None                 # expect-violation: when a person execs into a pod, the audit policy logs nothing
            resources:
              - group: ""
                resources: ["pods/exec", "pods/attach"]
          - level: Metadata
            userGroups: ["system:authenticated"]
        """).assertMarkedViolations();
  }

  @Test
  void flagsOmittedStagesThatDropFailedLogins() {
    tester.given("""
        apiVersion: audit.k8s.io/v1
        kind: Policy
        omitStages: [RequestReceived, ResponseStarted]
        rules:
          - level: Metadata             # expect-violation: stage ResponseStarted is omitted
        """).assertMarkedViolations();
  }

  @Test
  void isNotAssessedWhenThePolicyFileIsMissing() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command: [kube-apiserver, --audit-policy-file=/etc/kubernetes/audit/policy.yaml]
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("/etc/kubernetes/audit/policy.yaml");
  }

  @Test
  void kyvernoPoliciesAreNotAuditPolicies() {
    tester.given("""
        apiVersion: kyverno.io/v1
        kind: Policy
        metadata: {name: require-labels, namespace: shop}
        spec: {rules: []}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
