package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ClusterAdminBindingRuleTest {
  private final RuleTester tester = RuleTester.of(new ClusterAdminBindingRule());

  @Test
  void flagsUsersGroupsAndServiceAccountsBoundToClusterAdmin() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: admins
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: User                # expect-violation: User alice@example.com is bound to cluster-admin cluster-wide
            name: alice@example.com
          - kind: Group               # expect-violation: Group platform is bound to cluster-admin
            name: platform
          - kind: ServiceAccount      # expect-violation: ServiceAccount default/default is bound
            name: default
            namespace: default
        """).assertMarkedViolations();
  }

  @Test
  void flagsNamespacedRoleBindingToClusterAdmin() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: ns-admin
          namespace: shop
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: User                # expect-violation: in namespace shop
            name: bob
        """).assertMarkedViolations();
  }

  @Test
  void ignoresKubernetesOwnSystemMastersBinding() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: cluster-admin
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: Group
            name: system:masters
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: system:controller:bootstrap
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: Group
            name: system:masters
        """).assertNoViolations();
  }

  @Test
  void flagsUserAddedToKubernetesOwnBinding() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: cluster-admin
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        subjects:
          - kind: Group
            name: system:masters
          - kind: User                # expect-violation: User ops is bound to cluster-admin
            name: ops
        """).assertMarkedViolations();
  }

  @Test
  void passesBindingsToOtherRoles() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: viewers
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: view
        subjects:
          - kind: Group
            name: auditors
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: cluster-admin
        rules: []
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void explainsWhoABuiltInGroupStandsFor() {
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
  void leavesKubeadmClusterAdminsBindingToTheGenericAccountRule() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "kubeadm:cluster-admins"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "kubeadm:cluster-admins"}
        """).assertNoViolations();
  }
}
