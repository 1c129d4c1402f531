package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class EscalationVerbsRuleTest {
  private final RuleTester tester = RuleTester.of(new EscalationVerbsRule());

  @Test
  void flagsImpersonationOfUsersAndGroups() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: support-impersonator}
        rules:
          - {apiGroups: [""], resources: [users, groups], verbs: [impersonate]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: support}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: support-impersonator}
        subjects:
          - {kind: Group, name: support-tier2}   # expect-violation: Group support-tier2 may impersonate users, groups cluster-wide
        """).assertMarkedViolations();
  }

  @Test
  void flagsEscalateAndBindInANamespace() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: role-admin, namespace: shop}
        rules:
          - {apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate, bind]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: role-admin, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-admin}
        subjects:
          - {kind: User, name: dana}   # expect-violation: may escalate, bind roles in namespace shop
        """).assertMarkedViolations();
  }

  @Test
  void roleBindingCannotGrantImpersonationOfUsers() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: impersonator}
        rules:
          - {apiGroups: [""], resources: [users], verbs: [impersonate]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: scoped, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: impersonator}
        subjects:
          - {kind: User, name: erin}
        """).assertNoViolations();
  }

  @Test
  void passesCreateOnRoleBindingsWithoutBind() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: binder, namespace: shop}
        rules:
          - {apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: binder, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: binder}
        subjects:
          - {kind: User, name: frank}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
