package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AuditLoggingRuleTest {
  private final RuleTester tester = RuleTester.of(new AuditLoggingRule());

  private static final String FLUENT_BIT = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: fluent-bit, namespace: logging}
      spec:
        template:
          spec:
            tolerations: [{operator: Exists}]
            containers: [{name: fb, image: cr.fluentbit.io/fluent/fluent-bit:3.1.9}]
            volumes:
              - {name: varlog, hostPath: {path: /var/log}}
      ---
      """;

  @Test
  void flagsApiServerWithoutAuditPolicy() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:                  # expect-violation: no audit events are recorded
                - kube-apiserver
        """).assertMarkedViolations();
  }

  @Test
  void flagsAuditLogThatStaysOnTheNode() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:
                - kube-apiserver
                - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
                - --audit-log-path=/var/lib/audit/audit.log     # expect-violation: stays on the control-plane node
        ---
        """ + FLUENT_BIT).assertMarkedViolations();
  }

  @Test
  void passesWhenACollectorReadsTheAuditDirectoryOnTheControlPlane() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:
                - kube-apiserver
                - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
                - --audit-log-path=/var/log/kubernetes/audit/audit.log
                - --audit-log-maxage=30
        ---
        """ + FLUENT_BIT).assertNoViolations();
    assertThat(given.result().tables().get(0).rows().get(0).get(5)).isEqualTo(
        "Fluent Bit (DaemonSet/logging/fluent-bit)");
  }

  @Test
  void passesWithAWebhookBackend() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:
                - kube-apiserver
                - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
                - --audit-webhook-config-file=/etc/kubernetes/audit/webhook.yaml
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutTheApiServer() {
    tester.given(FLUENT_BIT).assertStatus(Status.NOT_ASSESSED);
  }
}
