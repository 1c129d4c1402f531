package dev.kubepci.rules.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CdeSharedIdentitiesRuleTest {
  private final RuleTester tester = RuleTester.of(new CdeSharedIdentitiesRule()).withConfig(ScopeConfigs.PAY);

  @Test
  void flagsBindingOfAnOutsideServiceAccountIntoTheCde() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: deployer, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - kind: ServiceAccount      # expect-violation: from outside the CDE rights in CDE namespace pay
            name: ci
            namespace: tools
          - kind: ServiceAccount
            name: api
        """).assertMarkedViolations().assertObserved("ServiceAccount tools/ci");
  }

  @Test
  void flagsCdeIdentityBoundOutsideAndAllServiceAccountsGroup() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: report, namespace: tools}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects:
          - kind: ServiceAccount      # expect-violation: gives the CDE identity ServiceAccount pay/api rights
            name: api
            namespace: pay
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: everyone, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects:
          - kind: Group               # expect-violation: includes identities outside the CDE
            name: system:serviceaccounts
        """).assertMarkedViolations();
  }

  @Test
  void flagsSecretCopiedOutOfTheCdeWithoutShowingItsValue() {
    var given = tester.given("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: pay}
        data: {password: c2VjcmV0LXZhbHVl}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db-copy, namespace: tools}
        data:                         # expect-violation: holds the same data as CDE Secret pay/db
          password: c2VjcmV0LXZhbHVl
        """).assertMarkedViolations();
    assertThat(given.findings().get(0).observed()).startsWith("keys [password], hmac:").doesNotContain("c2Vj");
  }

  @Test
  void flagsReplicationAllowedIntoEveryNamespaceButNotIntoTheCdeOnly() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: open
          namespace: pay
          annotations:                # expect-violation: may be replicated into namespaces outside the CDE
            replicator.v1.mittwald.de/replication-allowed: "true"
        type: Opaque
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: kept
          namespace: pay
          annotations:
            replicator.v1.mittwald.de/replication-allowed: "true"
            replicator.v1.mittwald.de/replication-allowed-namespaces: "pay"
            reflector.v1.k8s.emberstack.com/reflection-allowed: "true"
            reflector.v1.k8s.emberstack.com/reflection-allowed-namespaces: "pay"
        type: Opaque
        """).assertMarkedViolations().assertObserved("<all namespaces>");
  }

  @Test
  void flagsReplicationAnnotationsAndExternalSecretsReadingCdeKeys() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: token
          namespace: pay
          annotations:
            reflector.v1.k8s.emberstack.com/reflection-allowed: "true"
            reflector.v1.k8s.emberstack.com/reflection-allowed-namespaces: "pay,tools"   # expect-violation: may be reflected into namespaces outside the CDE
        type: Opaque
        ---
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata: {name: db, namespace: pay}
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: vault}
          data: [{secretKey: password, remoteRef: {key: payments/db}}]
        ---
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata: {name: db, namespace: tools}
        spec:
          secretStoreRef: {kind: ClusterSecretStore, name: vault}
          data:
            - secretKey: password
              remoteRef:
                key: payments/db      # expect-violation: the same secret as CDE ExternalSecret/pay/db
        ---
        apiVersion: external-secrets.io/v1beta1
        kind: ClusterSecretStore
        metadata: {name: vault}
        spec:
          conditions:                 # expect-violation: also accepts ExternalSecrets from tools
            - namespaces: [pay, tools]
          provider: {vault: {server: "https://vault.example.com"}}
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenIdentitiesStayOnTheirSide() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: api, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects: [{kind: ServiceAccount, name: api, namespace: pay}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: pay}
        data: {password: YQ==}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: other, namespace: tools}
        data: {password: Yg==}
        ---
        apiVersion: external-secrets.io/v1beta1
        kind: ClusterSecretStore
        metadata: {name: vault}
        spec:
          conditions: [{namespaces: [pay]}]
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindingsOrSecrets() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: pay}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
