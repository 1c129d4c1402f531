package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubepci scan} of Helm charts, and of folders where kubepci's own files sit next to the manifests. */
class ChartScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A chart whose one Deployment runs privileged when the value says so. */
  private static Path chart(Path dir, String deploymentTemplate) throws IOException {
    Path chart = dir.resolve("demo");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
    Files.writeString(chart.resolve("values.yaml"), "privileged: false\n");
    Files.writeString(chart.resolve("templates/deployment.yaml"), deploymentTemplate);
    return chart;
  }

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: {{ .Release.Name }}-api
        namespace: {{ .Release.Namespace }}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
              - name: api
                image: registry.example.com/api:1.0.0
                securityContext:
                  privileged: {{ .Values.privileged }}
      """;

  @Test
  void rendersTheChartAndNamesTheTemplateOfEachFinding(@TempDir Path dir) throws IOException {
    Path chart = chart(dir, DEPLOYMENT);
    Cli.Run run = Cli.run("scan", chart.toString(), "--set", "privileged=true", "--namespace", "shop",
        "--release-name", "rel", "--format", "json", "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(ScanCommandTest.validate(run.out())).isEmpty();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("errors")).isEmpty();
    assertThat(report.has("skipped")).as("the chart's values.yaml is its input, not a skipped file").isFalse();
    JsonNode privileged = null;
    for (JsonNode f : report.get("findings")) {
      if (f.get("rule").asText().equals("KPCI-0001")) {
        privileged = f;
      }
    }
    assertThat(privileged).as("privileged finding").isNotNull();
    assertThat(privileged.at("/resource/namespace").asText()).isEqualTo("shop");
    assertThat(privileged.at("/resource/name").asText()).isEqualTo("rel-api");
    JsonNode source = privileged.at("/resource/source");
    assertThat(source.get("file").asText()).isEqualTo(chart.toString());
    assertThat(source.get("template").asText()).isEqualTo("demo/templates/deployment.yaml");
    // the field line is the line of Helm's output that holds the field
    String[] rendered = ("---\n# Source: demo/templates/deployment.yaml\n" + DEPLOYMENT
        .replace("{{ .Release.Name }}", "rel").replace("{{ .Release.Namespace }}", "shop")
        .replace("{{ .Values.privileged }}", "true")).split("\n");
    assertThat(rendered[source.get("fieldLine").asInt() - 1].strip()).isEqualTo("privileged: true");
  }

  @Test
  void terminalNamesTheTemplateAndTheRenderedLine(@TempDir Path dir) throws IOException {
    Path chart = chart(dir, DEPLOYMENT);
    Cli.Run run = wide("scan", chart.toString(), "--set", "privileged=true", "--no-color", "--fail-on", "none",
        "--release-name", "rel", "-n", "shop");
    assertThat(run.out()).contains("Deployment/shop/rel-api").contains("(" + chart
        + ", rendered line 16 (document 1, template demo/templates/deployment.yaml))");
  }

  @Test
  void aChartThatDoesNotRenderIsOneInputError(@TempDir Path dir) throws IOException {
    Path chart = chart(dir, DEPLOYMENT.replace("{{ .Values.privileged }}", "{{ .Values.missing.flag }}"));
    Cli.Run run = wide("scan", chart.toString(), "--no-color");
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(run.out()).contains("Input errors (1)")
        .contains(chart + " (template demo/templates/deployment.yaml): chart does not render: template: "
            + "demo/templates/deployment.yaml:15:");
  }

  @Test
  void malformedSetAndMissingValuesFilesAreUsageErrors(@TempDir Path dir) throws IOException {
    Path chart = chart(dir, DEPLOYMENT);
    assertThat(Cli.run("scan", chart.toString(), "--set", "novalue").code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Cli.run("scan", chart.toString(), "--values", dir.resolve("nope.yaml").toString()).code())
        .isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void kubepcisOwnFilesNextToTheManifestsAreSkippedNotErrors() throws IOException {
    Cli.Run run = Cli.run("scan", Cli.EXAMPLES.toString(), "--format", "json", "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(ScanCommandTest.validate(run.out())).isEmpty();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("errors")).isEmpty();
    List<String> skipped = new ArrayList<>();
    report.get("skipped").forEach(s -> skipped.add(Path.of(s.at("/source/file").asText()).getFileName().toString()
        + ": " + s.get("message").asText()));
    assertThat(skipped).containsExactly(
        "attestations.yaml: not a Kubernetes object (no apiVersion and no kind)",
        "kubepci.yaml: not a Kubernetes object (no apiVersion and no kind)",
        "waivers.yaml: not a Kubernetes object (no apiVersion and no kind)");
    assertThat(report.at("/summary/skipped").asInt()).isEqualTo(3);
  }

  @Test
  void terminalListsSkippedDocuments() {
    Cli.Run run = wide("scan", Cli.EXAMPLES.toString(), "--no-color", "--fail-on", "none");
    assertThat(run.out()).contains("Skipped (3): documents that are not Kubernetes objects")
        .contains(Cli.EXAMPLES.resolve("kubepci.yaml") + ":2 (document 1): not a Kubernetes object")
        .contains("; 0 input errors; 3 skipped\n");
  }

  /** A run whose terminal report is wide enough that no line of these checks wraps. */
  private static Cli.Run wide(String... args) {
    return Cli.runIn(java.util.Map.of("COLUMNS", "400"), Environment.Terminals.NONE, args);
  }
}
