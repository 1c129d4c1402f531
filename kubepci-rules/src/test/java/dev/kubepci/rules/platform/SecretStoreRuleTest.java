package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretStoreRuleTest {
  private final RuleTester tester = RuleTester.of(new SecretStoreRule());

  @Test
  void flagsNativeSecretNothingManages() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          template:
            spec:
              initContainers:
                - name: migrate
                  image: migrate
                  envFrom:
                    - secretRef:
                        name: db-admin          # expect-violation: reads Secret db-admin, which no external secrets manager provides
              containers:
                - name: api
                  image: api
                  env:
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef: {name: db-credentials, key: password}
        ---
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata: {name: db-credentials, namespace: shop}
        spec:
          refreshInterval: 1h
          secretStoreRef: {kind: ClusterSecretStore, name: vault}
          data: [{secretKey: password, remoteRef: {key: shop/db}}]
        """).assertMarkedViolations().assertObserved("db-admin");
  }

  @Test
  void passesForStoreBackedSecretsAndCsiVolumes() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: db, image: db}]
              volumes:
                - name: tls
                  secret: {secretName: db-tls}
                - name: vault
                  csi: {driver: secrets-store.csi.k8s.io, volumeAttributes: {secretProviderClass: db}}
        ---
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: db, namespace: shop}
        spec: {secretName: db-tls, issuerRef: {name: pki}}
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).contains(
        List.of("StatefulSet/shop/db", "db-tls", "cert-manager (Certificate/shop/db)"));
  }

  @Test
  void checksOnlyCdeWorkloadsWhenAScopeIsDeclared() {
    var config = new KubepciConfig(new KubepciConfig.Scope(
        new KubepciConfig.Selection(List.of("pay"), List.of()), null), null, null);
    RuleTester.of(new SecretStoreRule()).withConfig(config).given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: tool, namespace: ops}
        spec:
          containers:
            - name: t
              image: t
              env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: token, key: t}}}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void isNotApplicableWhenNoWorkloadReadsSecrets() {
    var result = tester.given("""
        apiVersion: v1
        kind: Secret
        metadata: {name: unused, namespace: shop}
        data: {a: Yg==}
        """).assertStatus(Status.NOT_APPLICABLE).result();
    assertThat(result.reason()).isEqualTo("no workload reads a secret");
    assertThat(result.notes()).containsExactly("no external secrets manager object (ExternalSecret, SealedSecret, "
        + "Vault or CSI) is in the input");
    assertThat(result.tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEmpty());
  }
}
