package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeconfigEmbeddedSecretRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeconfigEmbeddedSecretRule());

  @Test
  void flagsEmbeddedKeyAndTokenWithFingerprintsOnly() {
    var given = tester.given("""
        apiVersion: v1
        kind: Config
        users:
          - name: admin
            user:
              client-certificate-data: Q0VSVA==
              client-key-data: UFJJVkFURS1LRVk=      # expect-violation: kubeconfig user "admin" embeds a client private key in the file
          - name: ci
            user:
              token: EXAMPLE-static-token-0000        # expect-violation: embeds a bearer token
          - name: old-oidc
            user:
              auth-provider:
                name: oidc
                config:
                  client-id: kubernetes
                  refresh-token: refresh-me           # expect-violation: embeds an auth-provider refresh-token
        """).assertMarkedViolations();
    assertThat(given.findings()).allSatisfy(f -> assertThat(f.observed()).startsWith("<redacted hmac:")
        .doesNotContain("EXAMPLE").doesNotContain("refresh-me").doesNotContain("UFJJ"));
  }

  @Test
  void passesKeysReferencedByPath() {
    tester.given("""
        apiVersion: v1
        kind: Config
        users:
          - name: admin
            user:
              client-certificate: /etc/kubernetes/pki/admin.crt
              client-key: /etc/kubernetes/pki/admin.key
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutKubeconfig() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: y}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
