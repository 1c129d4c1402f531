package dev.kubepci.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shapes of credentials the scanner knows, each by token prefix or key name, and a corpus of ordinary values that
 * must stay clean. Tokens are assembled from parts so that this file holds no string another scanner would report.
 */
class SecretShapesTest {
  private static final SecretScanner SCANNER = new SecretScanner(SecretScannerTest.KEY);
  private static final String HEX40 = "3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e4b6d8f0a";
  private static final String HEX64 = HEX40 + "1b2c3d4e5f60718293a4b5c6";
  private static final String ALNUM36 = "EXAMPLE0example1EXAMPLE2example3EXAM";

  static Stream<Arguments> secrets() {
    return Stream.of(
        // bearer credentials, whatever the variable is called
        Arguments.of("AUTH_HEADER", "Bearer " + HEX40, "bearer-token"),
        Arguments.of("HEADERS", "Authorization: bearer " + "eyJraWQiOiJ4In0" + "Zm9vYmFyYmF6cXV4", "bearer-token"),
        // GitHub
        Arguments.of("X", "ghp" + "_" + ALNUM36, "github-token"),
        Arguments.of("X", "gho" + "_" + ALNUM36, "github-token"),
        Arguments.of("X", "ghs" + "_" + ALNUM36, "github-token"),
        Arguments.of("X", "github" + "_pat_" + "11ABCDEFG0" + "abcdefghijklmnop_" + ALNUM36, "github-token"),
        Arguments.of("GH_PAT", "not-a-known-shape-1234", "secret-named-key"),
        Arguments.of("GITHUB_TOKEN", "some-literal-value", "secret-named-key"),
        // GitLab
        Arguments.of("X", "glpat" + "-" + "EXAMPLEexample1234567", "gitlab-token"),
        Arguments.of("X", "glptt" + "-" + "0123456789abcdef0123456789abcdef01234567", "gitlab-token"),
        Arguments.of("X", "GR1348941" + "EXAMPLEexample12345678", "gitlab-token"),
        Arguments.of("GITLAB_PAT", "literal-value-123", "secret-named-key"),
        // Slack
        Arguments.of("X", "xoxb" + "-1234567890-0987654321-EXAMPLEexample", "slack-token"),
        Arguments.of("X", "xoxp" + "-1234567890-0987654321-EXAMPLEexample", "slack-token"),
        Arguments.of("X", "xapp" + "-1-A0123456789-EXAMPLEexample", "slack-token"),
        Arguments.of("URL", "https://hooks.slack.com/services/" + "T00000000/B00000000/EXAMPLEexampleEXAMPLE",
            "slack-webhook"),
        Arguments.of("SLACK_SIGNING_SECRET", "8f7e6d5c4b3a2918", "secret-named-key"),
        // Stripe
        Arguments.of("X", "sk" + "_live_" + "EXAMPLEONLY0000000000000000", "stripe-key"),
        Arguments.of("X", "rk" + "_live_" + "EXAMPLEONLY0000000000000000", "stripe-key"),
        Arguments.of("X", "whsec" + "_" + "EXAMPLEexampleEXAMPLEexample12", "stripe-key"),
        Arguments.of("STRIPE_KEY", "literal-value-123", "secret-named-key"),
        // DigitalOcean
        Arguments.of("X", "dop" + "_v1_" + HEX64, "digitalocean-token"),
        Arguments.of("X", "doo" + "_v1_" + HEX64, "digitalocean-token"),
        Arguments.of("DIGITALOCEAN_ACCESS_TOKEN", "literal-value-123", "secret-named-key"),
        // Azure
        Arguments.of("CONN", "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=" + "Ab1/".repeat(22) + "==;"
            + "EndpointSuffix=core.windows.net", "azure-storage-key"),
        Arguments.of("CONN", "Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey="
            + "Zx9+".repeat(11), "azure-storage-key"),
        Arguments.of("BLOB_URL", "https://shop.blob.core.windows.net/c?sv=2022-11-02&se=2026-01-01&sp=r&sig="
            + "Ab1%2B".repeat(9), "azure-sas-signature"),
        Arguments.of("X", "abc8Q~" + "EXAMPLEexampleEXAMPLEexample12345", "azure-client-secret"),
        Arguments.of("AZURE_CLIENT_SECRET", "literal-value-123", "secret-named-key"),
        Arguments.of("AZURE_STORAGE_KEY", "literal-value-123", "secret-named-key"),
        Arguments.of("AZURE_STORAGE_ACCOUNT_KEY", "literal-value-123", "secret-named-key"),
        // Oracle Cloud
        Arguments.of("OCI_CLI_FINGERPRINT", "12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0", "oci-key-fingerprint"),
        Arguments.of("OCI_PRIVATE_KEY", "literal-value-123", "secret-named-key"),
        Arguments.of("OCI_CLI_KEY_CONTENT", "literal-value-123", "secret-named-key"),
        Arguments.of("OCI_CLI_PASS_PHRASE", "literal-value-123", "secret-named-key"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("secrets")
  void recognisesCredentialShape(String key, String value, String detector) {
    var d = SCANNER.scanValue(key, value);
    assertThat(d).as("%s=%s", key, value).isPresent();
    assertThat(d.get().detector()).isEqualTo(detector);
    assertThat(d.get().redacted()).doesNotContain(value);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("secrets")
  void recognisesCredentialShapeInAConfigurationFile(String key, String value, String detector) {
    assertThat(SCANNER.scanText("# settings\n" + key + "=" + value + "\nmode=fast\n"))
        .as("%s=%s", key, value).singleElement().satisfies(t -> assertThat(t.line()).isEqualTo(2));
  }

  @org.junit.jupiter.api.Test
  void recognisesAnOciConfigurationFile() {
    var found = SCANNER.scanText("""
        [DEFAULT]
        user=ocid1.user.oc1..aaaaaaaexample
        fingerprint=12:34:56:78:9a:bc:de:f0:12:34:56:78:9a:bc:de:f0
        key_file=~/.oci/oci_api_key.pem
        tenancy=ocid1.tenancy.oc1..aaaaaaaexample
        region=eu-frankfurt-1
        pass_phrase=EXAMPLE-passphrase
        """);
    assertThat(found).extracting(t -> t.key() + ":" + t.detection().detector())
        .containsExactly("fingerprint:oci-key-fingerprint", "pass_phrase:secret-named-key");
  }

  /** Values every cluster is full of: none of them is a secret, whatever key holds them. */
  static final Map<String, List<String>> BENIGN = Map.ofEntries(
      Map.entry("uuid", List.of("3b337ce3-9ea6-5c6c-ac7b-26d310b9f1c5", "00000000-0000-0000-0000-000000000000",
          "F47AC10B-58CC-4372-A567-0E02B2C3D479")),
      Map.entry("image digest", List.of("sha256:" + HEX64,
          "registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:" + HEX64,
          "ghcr.io/example/app@sha256:" + HEX64, "quay.io/prometheus/node-exporter:v1.8.2")),
      Map.entry("hash", List.of(HEX40, HEX64, "d41d8cd98f00b204e9800998ecf8427e",
          "sha512-" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6A7b8C9d0E1f2G3h4I5j6K7l8M9n0O1p2Q3r4==")),
      Map.entry("base64 config", List.of(b64("log_level: info\nport: 8080\n"), b64("{\"replicas\":3,\"mode\":\"ha\"}"),
          b64("[server]\nhttp_port = 3000\n"), b64("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n"
              + "-----END CERTIFICATE-----\n"))),
      Map.entry("url", List.of("https://api.example.com/v1/payments?currency=EUR&limit=100",
          "http://payments-db.payments.svc.cluster.local:5432", "https://hooks.example.com/services/build",
          "s3://example-bucket/backups/2026-01-01/", "https://login.microsoftonline.com/common/oauth2/v2.0/token",
          "https://auth.example.com/realms/shop/protocol/openid-connect/token", "redis://redis-master:6379/0",
          "postgres://db.example.com:5432/shop?sslmode=require", "https://github.com/example/app/releases")),
      Map.entry("version", List.of("v1.31.4", "1.31.4-gke.1256000", "v1.29.3+k3s1", "2.4.1-rc.2",
          "v0.0.0-20240112123456-abcdef123456", "go1.22.5")),
      Map.entry("k8s name", List.of("payments-api-7d9f8c6b5d-x2k4m", "kube-root-ca.crt",
          "system:serviceaccount:payments:payments-api", "app.kubernetes.io/name", "topology.kubernetes.io/zone",
          "ip-10-0-12-34.eu-west-1.compute.internal", "aks-nodepool1-12345678-vmss000000",
          "gke-prod-default-pool-1a2b3c4d-x9z8", "arn:aws:iam::123456789012:role/payments-api")),
      Map.entry("ordinary", List.of("Bearer", "Bearer realm=\"example\"", "Bearer $(TOKEN)", "Bearer ${API_TOKEN}",
          "Bearer <token>", "Authorization: Bearer {{ .Values.token }}", "Bearer " + "x".repeat(30),
          "skip_live_reload", "sk_test", "do_v1_migration", "xoxo-friends", "github_pat_", "glpat-",
          "-Xmx512m -XX:+UseG1GC", "en_US.UTF-8", "Europe/Berlin", "0 3 * * *", "100m", "512Mi", "true",
          "ocid1.tenancy.oc1..aaaaaaaexample", "12:34:56:78:9a:bc", "AccountName=shop;EndpointSuffix=core")));

  /** Keys that hold the benign values in clusters: none names a credential. */
  private static final List<String> BENIGN_KEYS = List.of("VALUE", "IMAGE", "CHECKSUM", "URL", "HOST", "VERSION",
      "POD_NAME", "CONFIG", "HEADERS", "SCHEDULE", "fingerprint", "JAVA_OPTS", "LANG", "TZ", "ENDPOINT");

  static Stream<Arguments> benign() {
    return BENIGN.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> Arguments.of(e.getKey(), v)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("benign")
  void leavesOrdinaryValuesClean(String kind, String value) {
    for (String key : BENIGN_KEYS) {
      assertThat(SCANNER.scanValue(key, value)).as("%s %s=%s", kind, key, value).isEmpty();
    }
    assertThat(SCANNER.scanValue(null, value)).as("%s (no key) %s", kind, value).isEmpty();
    assertThat(SCANNER.scanText("a: 1\nvalue: " + value + "\nb: 2\n")).as("%s in a file: %s", kind, value).isEmpty();
    assertThat(CommandLineSecrets.scan(SCANNER, List.of("--value=" + value, value))).as("%s as arguments", kind)
        .isEmpty();
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
