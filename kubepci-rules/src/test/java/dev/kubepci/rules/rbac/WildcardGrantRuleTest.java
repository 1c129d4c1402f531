package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class WildcardGrantRuleTest {
  private final RuleTester tester = RuleTester.of(new WildcardGrantRule());

  @Test
  void flagsWildcardResourcesAndVerbs() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: release-manager}
        rules:
          - apiGroups: [apps, batch]
            resources: ["*"]
            verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: web-release, namespace: web}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: release-manager}
        subjects:
          - kind: Group     # expect-violation: Group web-developers may use wildcard rule apiGroups=[apps,batch] resources=[*] verbs=[*] in namespace web
            name: web-developers
        """).assertMarkedViolations();
  }

  @Test
  void flagsCustomRoleEquivalentToClusterAdmin() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: superuser}
        rules:
          - {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops-superuser}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: superuser}
        subjects:
          - {kind: User, name: bob@example.com}   # expect-violation: may do anything (every verb on every resource) cluster-wide
        """).assertMarkedViolations();
  }

  @Test
  void flagsSubresourceWildcard() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: scaler, namespace: shop}
        rules:
          - {apiGroups: [apps], resources: ["*/scale"], verbs: [update]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: autoscaler, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: scaler}
        subjects:
          - {kind: ServiceAccount, name: autoscaler}   # expect-violation: resources=[*/scale]
        """).assertMarkedViolations();
  }

  @Test
  void leavesClusterAdminBindingsToTheClusterAdminRule() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: alice-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {kind: User, name: alice}
        """).assertNoViolations();
  }

  @Test
  void passesExplicitRules() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: deployer, namespace: shop}
        rules:
          - {apiGroups: [apps], resources: [deployments], verbs: [get, update, patch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: deployer, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
        subjects:
          - {kind: ServiceAccount, name: deployer}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: app, namespace: shop}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
