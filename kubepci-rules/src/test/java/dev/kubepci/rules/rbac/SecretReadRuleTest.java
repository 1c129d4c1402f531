package dev.kubepci.rules.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SecretReadRuleTest {
  private final RuleTester tester = RuleTester.of(new SecretReadRule());

  @Test
  void flagsServiceAccountThatMayListSecretsInItsNamespace() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: reader, namespace: shop}
        rules:
          - apiGroups: [""]
            resources: [secrets]
            verbs: [get, list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: ci-reads-secrets, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects:
          - kind: ServiceAccount        # expect-violation: ServiceAccount shop/ci may get, list secrets in namespace shop
            name: ci
        """).assertMarkedViolations().assertObserved("ServiceAccount shop/ci");
  }

  @Test
  void flagsSecretReadThroughAggregatedKubernetesDefaultRole() {
    var given = tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: devs-edit, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
          - kind: Group                 # expect-violation: through ClusterRole/edit (Kubernetes default): ClusterRole/system:aggregate-to-edit
            name: devs
        """).assertMarkedViolations();
    assertThat(given.result().tables()).singleElement().satisfies(t -> assertThat(t.rows()).hasSize(1));
  }

  @Test
  void notesGetLimitedToNamedSecretsAsLeastPrivilege() {
    var given = tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: one-secret}
        rules:
          - {apiGroups: [""], resources: [secrets], resourceNames: [tls-cert, tls-ca], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: ingress-cert, namespace: edge}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: one-secret}
        subjects:
          - {kind: ServiceAccount, name: ingress, namespace: edge}
        """).assertNoViolations();
    assertThat(given.result().notes()).singleElement().asString()
        .contains("ServiceAccount edge/ingress may get secrets")
        .contains("limited to Secret edge/tls-ca, Secret edge/tls-cert, the least-privilege form");
  }

  @Test
  void flagsListAndWatchEvenWhenLimitedToNamedSecrets() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: named, namespace: edge}
        rules:
          - {apiGroups: [""], resources: [secrets], resourceNames: [tls-cert], verbs: [get, list, watch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: named, namespace: edge}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: named}
        subjects:
          - {kind: ServiceAccount, name: ingress}   # expect-violation: may get, list, watch secrets
        """).assertMarkedViolations();
  }

  @Test
  void flagsUnlimitedGetBesideANamedOne() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: mixed, namespace: edge}
        rules:
          - {apiGroups: [""], resources: [secrets], resourceNames: [tls-cert], verbs: [get]}
          - {apiGroups: [""], resources: [secrets], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: mixed, namespace: edge}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: mixed}
        subjects:
          - {kind: ServiceAccount, name: ingress}   # expect-violation: may get secrets
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenRolesGrantNoSecretAccess() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: config-reader, namespace: shop}
        rules:
          - {apiGroups: [""], resources: [configmaps], verbs: [get, list]}
          - {apiGroups: [""], resources: [secrets/status], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: app-config, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-reader}
        subjects:
          - {kind: ServiceAccount, name: app}
        """).assertNoViolations();
  }

  @Test
  void leavesKubernetesOwnGrantsOutOfTheFindings() {
    var given = tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: viewers}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: auditors}
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).singleElement()
        .satisfies(row -> assertThat(row).containsSequence("Group system:masters").endsWith("yes"));
  }

  @Test
  void isNotAssessedWhenABindingRefersToARoleNotInTheInput() {
    var given = tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: vendor, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: vendor-operator}
        subjects:
          - {kind: ServiceAccount, name: vendor}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("RoleBinding/shop/vendor -> ClusterRole/vendor-operator");
  }

  @Test
  void isNotApplicableWithoutBindingsOrRiskyRoles() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: reader}
        rules:
          - {apiGroups: [""], resources: [configmaps], verbs: [get]}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
