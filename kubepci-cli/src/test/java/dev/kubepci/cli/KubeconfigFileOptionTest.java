package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigFileOptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN_KUBECONFIG =
      Cli.EXAMPLES.resolve("control-plane").resolve("admin.kubeconfig").toString();

  @Test
  void assessesAKubeconfigWithAnyFileNameAndNeverPrintsItsSecrets() throws IOException {
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--kubeconfig-file", ADMIN_KUBECONFIG, "--format", "json",
        "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(ScanCommandTest.validate(run.out())).isEmpty();
    int kubeconfigFindings = 0;
    for (JsonNode f : report.get("findings")) {
      if (f.at("/resource/kind").asText().startsWith("Kubeconfig")) {
        kubeconfigFindings++;
        assertThat(f.at("/resource/source/file").asText()).isEqualTo(ADMIN_KUBECONFIG);
      }
    }
    assertThat(kubeconfigFindings).isGreaterThanOrEqualTo(5);
    String placeholderToken = "EXAMPLE-placeholder-static-token";
    assertThat(run.out()).doesNotContain(placeholderToken).doesNotContain("LS0tLS1CRUdJTiBSU0Eg");
    for (JsonNode r : report.get("rules")) {
      if (r.get("id").asText().equals("KPCI-0230")) {
        assertThat(r.get("status").asText()).isEqualTo("FAIL");
        assertThat(r.get("passed").asInt()).isEqualTo(1);
      }
    }
  }

  @Test
  void kubeconfigAloneIsEnoughInput() {
    Cli.Run run = Cli.run("scan", "--kubeconfig-file", ADMIN_KUBECONFIG, "--no-color", "--fail-on", "none",
        "--show", "findings");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("kubeconfig-insecure-tls (KPCI-0232")
        .contains("clusters[1].cluster.insecure-skip-tls-verify");
  }

  @Test
  void aFileThatIsNoKubeconfigIsAUsageError(@TempDir Path dir) throws IOException {
    Path notKubeconfig = dir.resolve("config");
    Files.writeString(notKubeconfig, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        """);
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--kubeconfig-file", notKubeconfig.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--kubeconfig-file " + notKubeconfig).contains("not a kubeconfig");
  }

  @Test
  void aMissingKubeconfigIsAUsageError() {
    Cli.Run run = Cli.run("scan", "--kubeconfig-file", "does-not-exist.kubeconfig");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no such file or directory: does-not-exist.kubeconfig");
  }
}
