package dev.kubepci.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ExposedSecretReportRuleTest {
  private final RuleTester tester = RuleTester.of(new ExposedSecretReportRule());

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
        namespace: payments
      spec:
        template:
          spec:
            initContainers:
              - name: init
                image: registry.example.com/payments/init:1.0
            containers:
              - name: api
                image: registry.example.com/payments/api:2.1
      """;

  private static String report(String repository, String secrets) {
    return """
        apiVersion: aquasecurity.github.io/v1alpha1
        kind: ExposedSecretReport
        metadata:
          name: replicaset-api-%s
          namespace: payments
        report:
          registry:
            server: registry.example.com
          artifact:
            repository: %s
            tag: "1"
          summary:
            criticalCount: 0
          secrets: %s
        """.formatted(repository.replace('/', '-'), repository, secrets);
  }

  @Test
  void flagsSecretsTheScannerFoundWithTheirSeverityAndNoValue() {
    var given = tester.given(DEPLOYMENT + "---\n" + report("payments/init", "[]") + "---\n" + report("payments/api", """

            - target: /app/config.yaml        # expect-violation: image registry.example.com/payments/api:1 contains a secret (aws-access-key-id, AWS, CRITICAL) in /app/config.yaml
              ruleID: aws-access-key-id
              category: AWS
              severity: CRITICAL
              title: AWS Access Key ID
              match: "aws_access_key_id: AKIA****************"
        """)).assertMarkedViolations();
    assertThat(given.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
      assertThat(f.observed()).startsWith("<redacted aws-access-key-id hmac:").doesNotContain("AKIA");
    });
  }

  @Test
  void passesWhenEveryRunningImageHasACleanReport() {
    tester.given(DEPLOYMENT + "---\n" + report("payments/init", "[]") + "---\n" + report("payments/api", "[]"))
        .assertNoViolations();
  }

  @Test
  void cannotDecideWhileARunningImageHasNoReport() {
    var result = tester.given(DEPLOYMENT + "---\n" + report("payments/api", "[]"))
        .assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).isEqualTo("1 running image(s) were not scanned for secrets: "
        + "registry.example.com/payments/init:1.0");
    assertThat(result.notes()).isEmpty();
  }

  @Test
  void cannotDecideWithoutAnyReport() {
    var result = tester.given(DEPLOYMENT).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).contains("no trivy-operator ExposedSecretReport");
  }
}
