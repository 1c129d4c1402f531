package dev.kubepci.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretScannerTest {
  static final RedactionKey KEY = RedactionKey.of("kubepci-tests-fixed-redaction-key", "the tests");
  private static final SecretScanner SCANNER = new SecretScanner(KEY);

  private static String detector(String key, String value) {
    return SCANNER.scanValue(key, value).map(SecretScanner.Detection::detector).orElse(null);
  }

  @Test
  void recognisesWellKnownCredentialFormats() {
    assertThat(detector("KEY", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----"))
        .isEqualTo("private-key");
    assertThat(detector("id", "AKIAIOSFODNN7EXAMPLE")).isEqualTo("aws-access-key-id");
    assertThat(detector("x", "ghp_" + "a".repeat(20) + "B1c2D3e4F5g6H7i8J9k0")).isEqualTo("github-token");
    assertThat(detector("x", "glpat-EXAMPLEexample1234567")).isEqualTo("gitlab-token");
    assertThat(detector("x", "xoxb-1234567890-EXAMPLE")).isEqualTo("slack-token");
    assertThat(detector("x", "sk_live_EXAMPLEONLY0000000000000000")).isEqualTo("stripe-key");
    assertThat(detector("x", "AIza" + "B".repeat(35))).isEqualTo("google-api-key");
    assertThat(detector("x", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLWV4YW1wbGU"))
        .isEqualTo("jwt");
    assertThat(detector("DATABASE_URL", "postgres://shop:s3cr3t-Example@db.example.com:5432/shop"))
        .isEqualTo("password-in-url");
    assertThat(detector("CONN", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=" + "Ab1/".repeat(15)))
        .isEqualTo("azure-storage-key");
  }

  @Test
  void recognisesValuesUnderSecretNamedKeys() {
    assertThat(detector("SMTP_PASSWORD", "EXAMPLE-placeholder-smtp-password")).isEqualTo("secret-named-key");
    assertThat(detector("spring.datasource.password", "hunter2!")).isEqualTo("secret-named-key");
    assertThat(detector("apiKey", "k-12345")).isEqualTo("secret-named-key");
    assertThat(detector("client_secret", "abcdef")).isEqualTo("secret-named-key");
    assertThat(detector("hsm-pin", "4711")).isEqualTo("secret-named-key");
  }

  @Test
  void leavesReferencesSwitchesAndNamesAlone() {
    assertThat(detector("DB_PASSWORD", "$(DB_PASSWORD_FROM_SECRET)")).isNull();
    assertThat(detector("DB_PASSWORD", "${DB_PASSWORD}")).isNull();
    assertThat(detector("password", "{{ .Values.password }}")).isNull();
    assertThat(detector("password", "<your-password>")).isNull();
    assertThat(detector("password", "/etc/secrets/db-password")).isNull();
    assertThat(detector("token", "vault:secret/data/app#token")).isNull();
    assertThat(detector("existingSecret", "db-credentials")).isNull();
    assertThat(detector("enablePassword", "true")).isNull();
    assertThat(detector("SECRET_NAME", "db-credentials")).isNull();
    assertThat(detector("TOKEN_URL", "https://auth.example.com/token")).isNull();
    assertThat(detector("tokenFile", "/var/run/secrets/kubernetes.io/serviceaccount/token")).isNull();
    assertThat(detector("password", "********")).isNull();
    assertThat(detector("server-tokens", "false")).isNull();
    assertThat(detector("URL", "https://api.example.com/v1?user=x")).isNull();
  }

  @Test
  void entropyHeuristicCatchesRandomStringsButNotDigestsOrNames() {
    assertThat(detector("session", "q8Z3xV7pL2mN9rT4wY6bK1cF5hJ0dG8s")).isEqualTo("high-entropy-string");
    assertThat(detector("image-digest", "q8Z3xV7pL2mN9rT4wY6bK1cF5hJ0dG8s")).isNull();
    assertThat(detector("checksum/config", "4f9a0c3e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f")).isNull();
    assertThat(detector("uid", "3b337ce3-9ea6-5c6c-ac7b-26d310b9f1c5")).isNull();
    assertThat(detector("host", "payments-db.payments.svc.cluster.local")).isNull();
    assertThat(detector("image", "registry.k8s.io/ingress-nginx/controller:v1.11.3")).isNull();
    assertThat(detector("description", "ThisIsAVeryLongCamelCaseIdentifierName")).isNull();
  }

  @Test
  void findsSecretsInsideEmbeddedConfigurationFiles() {
    var found = SCANNER.scanText("""
        [server]
        root_url = http://grafana.internal.example.com/
        [security]
        admin_user = admin
        admin_password = EXAMPLE-grafana-admin
        # password = commented-out-example
        secret_key: "SW2YcwTIb9zpOOhoPsMm"
        """);
    assertThat(found).extracting(SecretScanner.TextDetection::line).containsExactly(5, 7);
    assertThat(found).extracting(SecretScanner.TextDetection::key).containsExactly("admin_password", "secret_key");
  }

  @Test
  void decodesBase64ToFindKeysHiddenInIt() {
    String encoded = java.util.Base64.getEncoder().encodeToString(
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n".getBytes());
    assertThat(detector("blob", encoded)).isEqualTo("base64-private-key");
    String certificate = java.util.Base64.getEncoder().encodeToString(
        "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n".getBytes());
    assertThat(SCANNER.scanValue("ca.crt", certificate)).isEqualTo(Optional.empty());
  }

  @Test
  void redactsWithTheDetectorAndAKeyedFingerprint() {
    var d = SCANNER.scanValue("token", "EXAMPLE-token-value").orElseThrow();
    assertThat(d.redacted()).isEqualTo("<redacted secret-named-key hmac:" + KEY.fingerprint("EXAMPLE-token-value")
        + ">").doesNotContain("EXAMPLE-token-value");
    // HMAC-SHA256, not a plain hash: the unkeyed SHA-256 of "abc" starts with ba7816bf
    assertThat(KEY.fingerprint("abc")).hasSize(8).isNotEqualTo("ba7816bf").isEqualTo(KEY.fingerprint("abc"));
    RedactionKey other = RedactionKey.of("another-installation-key-0001", "test");
    assertThat(other.fingerprint("abc")).isNotEqualTo(KEY.fingerprint("abc"));
    assertThat(RedactionKey.random().fingerprint("abc")).isNotEqualTo(RedactionKey.random().fingerprint("abc"));
    assertThat(RedactionKey.random().toString()).doesNotContain("[B");
  }

  @Test
  void refusesShortInstallationKeys() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedactionKey.of("short", "KUBEPCI_REDACTION_KEY"))
        .hasMessageContaining("KUBEPCI_REDACTION_KEY").hasMessageContaining("at least 16");
  }

  @Test
  void readsItsOwnRedactionMarkersBackAsTheSameDetection() {
    var d = SCANNER.scanValue("STRIPE_KEY", "sk_live_EXAMPLEONLY0000000000000000").orElseThrow();
    assertThat(SCANNER.scanValue("STRIPE_KEY", d.redacted())).contains(d);
    assertThat(SCANNER.scanValue(null, d.redacted())).contains(d);
    assertThat(SCANNER.redactValue("STRIPE_KEY", "sk_live_EXAMPLEONLY0000000000000000")).isEqualTo(d.redacted());
    assertThat(SCANNER.redactValue("LOG_LEVEL", "debug")).isEqualTo("debug");
  }

  @Test
  void redactsEmbeddedFilesLineByLineKeepingTheirLines() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAexampleexample\nQWERTYexampleexample\n"
        + "-----END RSA PRIVATE KEY-----";
    String text = "[server]\nhttp_port = 3000\nadmin_password = EXAMPLE-grafana-admin # set at install\n"
        + "url: postgres://shop:s3cr3t-Example@db:5432/shop\nkey: |\n  " + pem.replace("\n", "\n  ") + "\nend: 1\n";
    String redacted = SCANNER.redactText(text);
    assertThat(redacted.split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
    assertThat(redacted).contains("http_port = 3000", "admin_password = <redacted secret-named-key hmac:",
        "url: <redacted password-in-url hmac:", "end: 1").doesNotContain("EXAMPLE-grafana", "s3cr3t", "MIIE",
        "QWERTY", "set at install");
    assertThat(SCANNER.scanText(redacted)).isEqualTo(SCANNER.scanText(text));
    assertThat(SCANNER.scanText(text)).extracting(t -> t.detection().detector())
        .containsExactly("secret-named-key", "password-in-url", "private-key");
  }

  @Test
  void fingerprintsAPrivateKeyByItsWholeBlock() {
    String a = "-----BEGIN PRIVATE KEY-----\nAAAAexample1\n-----END PRIVATE KEY-----";
    String b = "-----BEGIN PRIVATE KEY-----\nBBBBexample2\n-----END PRIVATE KEY-----";
    assertThat(SCANNER.scanValue("k", a).orElseThrow().fingerprint())
        .isNotEqualTo(SCANNER.scanValue("k", b).orElseThrow().fingerprint());
    assertThat(SCANNER.scanText("x: 1\n" + a).get(0).detection().fingerprint())
        .isNotEqualTo(SCANNER.scanText("x: 1\n" + b).get(0).detection().fingerprint());
  }
}
