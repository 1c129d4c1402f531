package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workload, admission, image and secrets rules on the example platform: the verdicts its README promises. */
class WorkloadSecurityExampleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = Cli.EXAMPLES.resolve("kubepci.yaml").toString();

  private static JsonNode scan(String input) throws IOException {
    Cli.Run run = Cli.run("scan", input, "--config", CONFIG, "--format", "json", "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static List<String> findings(JsonNode report, String rule) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      if (f.get("rule").asText().equals(rule)) {
        JsonNode r = f.get("resource");
        out.add(r.get("kind").asText() + "/" + (r.has("namespace") ? r.get("namespace").asText() + "/" : "")
            + r.get("name").asText() + " " + f.get("path").asText());
      }
    }
    return out;
  }

  private static JsonNode table(JsonNode report, String id) {
    for (JsonNode t : report.get("tables")) {
      if (t.get("id").asText().equals(id)) {
        return t;
      }
    }
    throw new AssertionError("no table " + id);
  }

  private static List<String> row(JsonNode table, String namespace) {
    for (JsonNode r : table.get("rows")) {
      if (r.get(0).asText().equals(namespace)) {
        List<String> cells = new ArrayList<>();
        r.forEach(c -> cells.add(c.asText()));
        return cells;
      }
    }
    throw new AssertionError("no row " + namespace);
  }

  @Test
  void everyFindingOfTheseRulesHasItsOwnIdentity() throws IOException {
    for (String input : List.of(Cli.MANIFESTS, Cli.DUMP)) {
      Set<String> seen = new HashSet<>();
      for (JsonNode f : scan(input).get("findings")) {
        String rule = f.get("rule").asText();
        if (rule.compareTo("KPCI-0100") < 0 && rule.compareTo("KPCI-0007") >= 0 || rule.compareTo("KPCI-0199") > 0) {
          continue; // other areas' rules
        }
        assertThat(seen.add(f.get("fingerprint").asText())).as("duplicate identity %s", f).isTrue();
      }
    }
  }

  @Test
  void admissionCoverageAndReadinessFollowTheNamespaceLabels() throws IOException {
    JsonNode report = scan(Cli.DUMP);
    assertThat(findings(report, "KPCI-0103")).extracting(s -> s.split(" ")[0]).containsExactly(
        "Namespace/falco", "Namespace/kube-system", "Namespace/kubernetes-dashboard", "Namespace/logging",
        "Namespace/monitoring", "Namespace/web");
    JsonNode coverage = table(report, "admission-coverage");
    assertThat(row(coverage, "payments").get(2))
        .isEqualTo("PSA enforce=restricted@v1.31; Kyverno ClusterPolicy/payments-pod-security-restricted "
            + "(Enforce, restricted)");
    assertThat(row(coverage, "web").get(3)).isEqualTo("audit only");
    assertThat(row(table(report, "pss-readiness"), "web"))
        .containsExactly("web", "1", "-", "-", "baseline@latest", "none", "1 of 1: Deployment/storefront");
  }

  @Test
  void imagesSecretsAndSandboxesMatchThePlantedPractices() throws IOException {
    JsonNode report = scan(Cli.MANIFESTS);
    assertThat(findings(report, "KPCI-0130")).containsExactly(
        "Deployment/web/storefront spec.template.spec.containers[0].env[0].value",
        "Deployment/web/storefront spec.template.spec.containers[0].env[1].value");
    assertThat(findings(report, "KPCI-0131")).containsExactly("ConfigMap/web/storefront-config data.SMTP_PASSWORD");
    assertThat(findings(report, "KPCI-0132")).isEmpty();
    assertThat(findings(report, "KPCI-0122")).extracting(s -> s.split(" ")[0])
        .contains("Deployment/payments/payment-api").doesNotContain("Deployment/payments/card-tokenizer");
    assertThat(findings(report, "KPCI-0110")).extracting(s -> s.split(" ")[0]).containsExactlyInAnyOrder(
        "Deployment/external-secrets/external-secrets", "Deployment/kubernetes-dashboard/kubernetes-dashboard",
        "DaemonSet/logging/fluent-bit", "DaemonSet/monitoring/node-exporter", "Deployment/monitoring/grafana",
        "Deployment/monitoring/prometheus-server");
    assertThat(row(table(report, "image-signature-coverage"), "payments").get(3))
        .isEqualTo("1: registry.payments.example.com/mirror/postgres:16.4");
    for (JsonNode f : report.get("findings")) {
      String text = f.get("observed").asText() + f.get("message").asText();
      assertThat(text).doesNotContain("sk_live_").doesNotContain("EXAMPLE-placeholder");
    }
  }
}
