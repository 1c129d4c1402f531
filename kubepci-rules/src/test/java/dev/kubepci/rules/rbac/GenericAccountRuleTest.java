package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class GenericAccountRuleTest {
  private final RuleTester tester = RuleTester.of(new GenericAccountRule());

  @Test
  void flagsHardCodedAndGenericSubjects() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {kind: Group, name: "system:masters"}        # expect-violation: Group system:masters is bound through ClusterRoleBinding/ops
          - {kind: User, name: kubernetes-admin}         # expect-violation: kubeadm's generic bootstrap administrator
          - {kind: User, name: admin@example.com}        # expect-violation: a generic account name
          - {kind: User, name: payments-team}            # expect-violation: a shared team account
          - {kind: User, name: nora@example.com}
          - {kind: Group, name: sre}
        """).assertMarkedViolations();
  }

  @Test
  void flagsKubeadmClusterAdminsGroupEvenInItsDefaultBinding() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "kubeadm:cluster-admins"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {kind: Group, name: "kubeadm:cluster-admins"}   # expect-violation: generic admin.conf credential
        """).assertMarkedViolations();
  }

  @Test
  void flagsKubeconfigUserNamedAfterTheBootstrapAdmin() {
    tester.given("""
        apiVersion: v1
        kind: Config
        users:
          - name: kubernetes-admin   # expect-violation: kubeconfig user kubernetes-admin is kubeadm's generic bootstrap administrator
            user: {client-certificate: /etc/kubernetes/pki/admin.crt}
          - name: oscar
            user:
              exec: {apiVersion: client.authentication.k8s.io/v1, command: kubelogin}
        """).assertMarkedViolations();
  }

  @Test
  void passesPersonalUsersAndIdentityProviderGroups() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: devs, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
          - {kind: User, name: pia@example.com}
          - {kind: Group, name: shop-developers}
          - {kind: ServiceAccount, name: admin}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindingsOrKubeconfigs() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: admin, namespace: shop}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
