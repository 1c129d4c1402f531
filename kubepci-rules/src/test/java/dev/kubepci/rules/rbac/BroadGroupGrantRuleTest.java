package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class BroadGroupGrantRuleTest {
  private final RuleTester tester = RuleTester.of(new BroadGroupGrantRule());

  @Test
  void flagsGrantsToEveryAuthenticatedUserAndEveryServiceAccount() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: everyone-views}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {kind: Group, name: "system:authenticated"}   # expect-violation: Group system:authenticated (every authenticated user and service account) is granted ClusterRole/view (Kubernetes default) cluster-wide
          - {kind: Group, name: "system:serviceaccounts"}  # expect-violation: (every service account in every namespace)
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: all-sas, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects:
          - {kind: Group, name: "system:serviceaccounts:shop"}   # expect-violation: is granted Role/shop/reader (not in the input) in namespace shop
        """).assertMarkedViolations();
  }

  @Test
  void passesKubernetesDiscoveryBindings() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:basic-user"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:basic-user"}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:service-account-issuer-discovery"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:service-account-issuer-discovery"}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: team, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {kind: Group, name: shop-team}
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
