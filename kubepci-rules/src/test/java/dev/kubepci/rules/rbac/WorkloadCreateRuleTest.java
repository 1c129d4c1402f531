package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class WorkloadCreateRuleTest {
  private final RuleTester tester = RuleTester.of(new WorkloadCreateRule());

  @Test
  void flagsCreateOnPodsAndControllers() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: deployer, namespace: shop}
        rules:
          - {apiGroups: [""], resources: [pods], verbs: [create]}
          - {apiGroups: [batch], resources: [cronjobs], verbs: [create, patch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: deployer, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}
        subjects:
          - {kind: User, name: gina}   # expect-violation: User gina may create pods, cronjobs; patch cronjobs in namespace shop
        """).assertMarkedViolations();
  }

  @Test
  void flagsPatchOfADeploymentTemplate() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: patcher}
        rules:
          - {apiGroups: [apps], resources: [deployments], verbs: [patch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: patcher}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: patcher}
        subjects:
          - {kind: ServiceAccount, name: gitops, namespace: flux-system}   # expect-violation: may patch deployments cluster-wide
        """).assertMarkedViolations();
  }

  @Test
  void passesReadOnlyAndScaleAccess() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: scaler, namespace: shop}
        rules:
          - {apiGroups: [apps], resources: [deployments], verbs: [get, list, watch]}
          - {apiGroups: [apps], resources: [deployments/scale], verbs: [update, patch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: scaler, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: scaler}
        subjects:
          - {kind: ServiceAccount, name: hpa-helper}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
