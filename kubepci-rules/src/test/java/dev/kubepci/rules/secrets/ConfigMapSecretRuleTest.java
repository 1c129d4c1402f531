package dev.kubepci.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ConfigMapSecretRuleTest {
  private final RuleTester tester = RuleTester.of(new ConfigMapSecretRule());

  @Test
  void flagsSecretKeysAndSecretsInsideEmbeddedFiles() {
    var findings = tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: storefront-config
          namespace: web
        data:
          SMTP_HOST: smtp.example.com
          SMTP_PASSWORD: EXAMPLE-placeholder-smtp-password   # expect-violation: key SMTP_PASSWORD holds a literal secret (detector secret-named-key
          application.properties: |                          # expect-violation: key application.properties holds a literal secret at line 2 (spring.datasource.password), detector secret-named-key
            spring.datasource.url=jdbc:postgresql://db/shop
            spring.datasource.password=EXAMPLE-db-pass
            server.port=8080
        """).assertMarkedViolations().findings();
    assertThat(findings).noneMatch(f -> (f.observed() + f.message()).contains("EXAMPLE-"));
    assertThat(findings).extracting(f -> f.path().toString())
        .containsExactlyInAnyOrder("data.SMTP_PASSWORD", "data['application.properties']");
  }

  @Test
  void flagsPrivateKeyInBinaryData() {
    String key = java.util.Base64.getEncoder().encodeToString(
        "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIEXAMPLE\n-----END EC PRIVATE KEY-----\n".getBytes());
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: tls
          namespace: web
        binaryData:
          key.pem: %s   # expect-violation: binaryData key key.pem holds a literal secret at line 1, detector private-key
        """.formatted(key)).assertMarkedViolations();
  }

  @Test
  void reportsEverySecretOfOneEmbeddedFileInOneFinding() {
    var findings = tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app
          namespace: web
        data:
          .env: |                    # expect-violation: key .env holds 2 literal secrets at line 1 (API_TOKEN)
            API_TOKEN=EXAMPLE-api-token
            PORT=8080
            AWS_KEY_ID=AKIAIOSFODNN7EXAMPLE
        """).assertMarkedViolations().findings();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("line 3 (AWS_KEY_ID), detector aws-access-key-id");
      assertThat(f.observed()).startsWith("<redacted secret-named-key hmac:").contains(" <redacted aws-access-key-id")
          .doesNotContain("AKIA");
    });
  }

  @Test
  void passesOrdinaryConfiguration() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: payment-api-config
          namespace: payments
        data:
          DB_HOST: payments-db.payments.svc.cluster.local
          TOKENIZER_URL: https://card-tokenizer.payments.svc.cluster.local:9443
          LOG_LEVEL: info
          grafana.ini: |
            [security]
            admin_user = admin
            [auth.anonymous]
            enabled = true
        """).assertNoViolations();
  }

  @Test
  void passesAnEmptyConfigMap() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: empty
          namespace: web
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToSecrets() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: web
        stringData:
          password: EXAMPLE
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
