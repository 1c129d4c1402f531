package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class DefaultServiceAccountBindingRuleTest {
  private final RuleTester tester = RuleTester.of(new DefaultServiceAccountBindingRule());

  @Test
  void flagsBindingsToDefaultServiceAccounts() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: acme-backup-agent}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - kind: ServiceAccount   # expect-violation: ServiceAccount default/default (a default service account, used by every pod that names none) is granted ClusterRole/cluster-admin (Kubernetes default) cluster-wide
            name: default
            namespace: default
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: default-reads, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {kind: ServiceAccount, name: default}   # expect-violation: ServiceAccount shop/default
          - {kind: User, name: "system:serviceaccount:web:default"}   # expect-violation: User system:serviceaccount:web:default
        """).assertMarkedViolations();
  }

  @Test
  void passesDedicatedServiceAccounts() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: api, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {kind: ServiceAccount, name: payment-api}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: default, namespace: shop}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
