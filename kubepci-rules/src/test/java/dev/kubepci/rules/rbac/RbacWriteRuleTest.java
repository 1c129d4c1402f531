package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RbacWriteRuleTest {
  private final RuleTester tester = RuleTester.of(new RbacWriteRule());

  @Test
  void flagsNamespaceAdminThroughKubernetesAdminRole() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: team-admin, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects:
          - {kind: Group, name: shop-leads}   # expect-violation: may create, update, patch, delete roles, rolebindings in namespace shop through ClusterRole/admin (Kubernetes default)
        """).assertMarkedViolations();
  }

  @Test
  void passesReadOnlyRbac() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: rbac-reader}
        rules:
          - {apiGroups: [rbac.authorization.k8s.io], resources: ["*"], verbs: [get, list, watch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: rbac-reader}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: rbac-reader}
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
