package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TokenCreateRuleTest {
  private final RuleTester tester = RuleTester.of(new TokenCreateRule());

  @Test
  void flagsTokenRequestPermission() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: token-minter, namespace: ci}
        rules:
          - {apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: runner, namespace: ci}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: token-minter}
        subjects:
          - {kind: ServiceAccount, name: runner}   # expect-violation: may create serviceaccounts/token in namespace ci
        """).assertMarkedViolations();
  }

  @Test
  void passesServiceAccountManagementWithoutTokens() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: sa-admin, namespace: ci}
        rules:
          - {apiGroups: [""], resources: [serviceaccounts], verbs: [create, get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: sa-admin, namespace: ci}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: sa-admin}
        subjects:
          - {kind: User, name: jo}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: runner, namespace: ci}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
