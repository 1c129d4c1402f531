package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CertificateApprovalRuleTest {
  private final RuleTester tester = RuleTester.of(new CertificateApprovalRule());

  @Test
  void flagsSubjectThatMayApproveASigner() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: client-approver}
        rules:
          - apiGroups: [certificates.k8s.io]
            resources: [signers]
            resourceNames: [kubernetes.io/kube-apiserver-client]
            verbs: [approve]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: pki-team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: client-approver}
        subjects:
          - {kind: Group, name: pki-team}   # expect-violation: Group pki-team may approve signers cluster-wide
        """).assertMarkedViolations();
  }

  @Test
  void combinesCreateAndApprovalAcrossBindingsOfOneSubject() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: csr-creator}
        rules:
          - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests], verbs: [create]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: csr-approver}
        rules:
          - {apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: kim-creates}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: csr-creator}
        subjects:
          - {kind: User, name: kim}      # expect-violation: User kim may create certificatesigningrequests
          - {kind: User, name: lee}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: kim-approves}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: csr-approver}
        subjects:
          - {kind: User, name: kim}      # expect-violation: User kim may update certificatesigningrequests/approval
        """).assertMarkedViolations();
  }

  @Test
  void passesCreateWithoutApproval() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: bootstrappers}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:node-bootstrapper}
        subjects:
          - {kind: Group, name: node-installers}
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
