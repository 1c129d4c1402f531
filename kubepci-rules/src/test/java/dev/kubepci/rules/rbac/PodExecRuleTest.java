package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PodExecRuleTest {
  private final RuleTester tester = RuleTester.of(new PodExecRule());

  @Test
  void flagsOnCallGroupThatMayExec() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: pod-exec, namespace: payments}
        rules:
          - {apiGroups: [""], resources: [pods], verbs: [get, list]}
          - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: oncall, namespace: payments}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-exec}
        subjects:
          - kind: Group    # expect-violation: Group payments-oncall may create pods/exec in namespace payments
            name: payments-oncall
        """).assertMarkedViolations();
  }

  @Test
  void flagsGetOnPortForwardAndAnySubresourceWildcard() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: debug, namespace: shop}
        rules:
          - {apiGroups: [""], resources: ["*/attach", pods/portforward], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: debug, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: debug}
        subjects:
          - {kind: User, name: hank}   # expect-violation: may get pods/attach, pods/portforward
        """).assertMarkedViolations();
  }

  @Test
  void passesLogAccess() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: logs, namespace: shop}
        rules:
          - {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: logs, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: logs}
        subjects:
          - {kind: Group, name: developers}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
