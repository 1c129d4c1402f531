package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PersistentVolumeCreateRuleTest {
  private final RuleTester tester = RuleTester.of(new PersistentVolumeCreateRule());

  @Test
  void flagsCreateOnPersistentVolumes() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: storage-admin}
        rules:
          - {apiGroups: [""], resources: [persistentvolumes], verbs: [create, delete]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: storage-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: storage-admin}
        subjects:
          - {kind: User, name: mo}   # expect-violation: User mo may create persistentvolumes cluster-wide
        """).assertMarkedViolations();
  }

  @Test
  void passesClaimsOnly() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: claims, namespace: shop}
        rules:
          - {apiGroups: [""], resources: [persistentvolumeclaims], verbs: [create]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: claims, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: claims}
        subjects:
          - {kind: ServiceAccount, name: db}
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
