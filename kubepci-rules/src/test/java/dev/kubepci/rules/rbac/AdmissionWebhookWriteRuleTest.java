package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AdmissionWebhookWriteRuleTest {
  private final RuleTester tester = RuleTester.of(new AdmissionWebhookWriteRule());

  @Test
  void flagsPatchOnWebhookConfigurations() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: webhook-editor}
        rules:
          - apiGroups: [admissionregistration.k8s.io]
            resources: [validatingwebhookconfigurations]
            verbs: [get, patch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: webhook-editor}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: webhook-editor}
        subjects:
          - {kind: ServiceAccount, name: cert-rotator, namespace: ingress}   # expect-violation: may patch validatingwebhookconfigurations cluster-wide
        """).assertMarkedViolations();
  }

  @Test
  void passesReadOnlyAccessToWebhooks() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: webhook-viewer}
        rules:
          - {apiGroups: [admissionregistration.k8s.io], resources: ["*"], verbs: [get, list, watch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: auditors}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: webhook-viewer}
        subjects:
          - {kind: Group, name: auditors}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: y}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
