package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ClusterAdminBindingRuleTest {
  private final RuleTester tester = RuleTester.of(new ClusterAdminBindingRule());

  @Test
  void flagsUserAndDefaultServiceAccountBoundToClusterAdmin() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: acme-backup-agent}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - kind: ServiceAccount     # expect-violation: ServiceAccount default/default is bound to cluster-admin cluster-wide
            name: default
            namespace: default
          - {kind: User, name: alice@example.com}   # expect-violation: User alice@example.com is bound to cluster-admin
        """).assertMarkedViolations().assertObserved("User alice@example.com");
  }

  @Test
  void flagsRoleBindingToClusterAdminInANamespace() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: shop-admins, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {kind: Group, name: "system:authenticated"}   # expect-violation: (every authenticated user and service account) is bound to cluster-admin in namespace shop
        """).assertMarkedViolations();
  }

  @Test
  void leavesBootstrapAndKubeadmBindingsAlone() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "kubeadm:cluster-admins"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "kubeadm:cluster-admins"}
        """).assertNoViolations();
  }

  @Test
  void flagsUserAddedToASystemBinding() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
          - {apiGroup: rbac.authorization.k8s.io, kind: User, name: mallory}   # expect-violation: User mallory is bound
        """).assertMarkedViolations();
  }

  @Test
  void passesBindingsToOtherRoles() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: auditors}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {kind: Group, name: auditors}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToRoles() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: cluster-admin}
        rules:
          - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
