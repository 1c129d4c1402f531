package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(Path.of("..", "schemas", "kubepci-report.schema.json").toUri());

  static Set<ValidationMessage> validate(String json) throws IOException {
    return SCHEMA.validate(JSON.readTree(json));
  }

  @Test
  void demoPrintsAllSixteenAreasAndFailsOnHighFindings() {
    Cli.Run run = Cli.runIn(java.util.Map.of("COLUMNS", "160"), Environment.Terminals.NONE, "scan", Cli.MANIFESTS,
        "--no-color");
    assertThat(run.code()).isEqualTo(ExitCode.FINDINGS.code());
    for (String area : List.of("1. Authentication", "2. Authorization", "3. Workload Security", "4. Network Security",
        "5. PKI", "6. Secrets Management", "7. Container Orchestration Tool Auditing", "8. Container Monitoring",
        "9. Container Runtime Security", "10. Patching", "11. Resource Management", "12. Container Image Building",
        "13. Registry", "14. Version Management", "15. Configuration Management", "16. Segmentation")) {
      assertThat(run.out()).contains(area);
    }
    assertThat(run.out()).contains("Summary: 42 practices").contains("Top findings (10 of ")
        .doesNotContain("Evidence to collect").doesNotContain("\u001b[");
    assertThat(run.err()).matches("kubepci: exit 1: \\d+ failing findings at or above high\n");
  }

  @Test
  void terminalReportFitsColumnsAndShowsDetailsOnRequest() {
    Cli.Run narrow = Cli.runIn(java.util.Map.of("COLUMNS", "80"), Environment.Terminals.NONE, "scan", Cli.MANIFESTS);
    assertThat(narrow.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    Cli.Run piped = Cli.run("scan", Cli.MANIFESTS);
    assertThat(piped.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    assertThat(piped.out().lines().count()).isLessThan(100);

    Cli.Run details = Cli.run("scan", Cli.MANIFESTS, "--details");
    assertThat(details.out()).contains("Evidence to collect").contains("Practices\n")
        .contains("Default deny per namespace").doesNotContain("Top findings").doesNotContain("More:");
    Cli.Run facts = Cli.run("scan", Cli.MANIFESTS, "--show", "facts");
    assertThat(facts.out()).contains("Default deny per namespace").doesNotContain("Evidence to collect");
    Cli.Run bad = Cli.run("scan", Cli.MANIFESTS, "--show", "tables");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).contains("--show: unknown section 'tables'");
  }

  @Test
  void jsonOfTheExampleValidatesAndListsAll42Practices() throws IOException {
    for (String input : List.of(Cli.MANIFESTS, Cli.DUMP)) {
      Cli.Run run = Cli.run("scan", input, "--format", "json", "--fail-on", "none");
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(validate(run.out())).as("schema violations for %s", input).isEmpty();
      JsonNode report = JSON.readTree(run.out());
      assertThat(report.get("requirements")).hasSize(42);
      assertThat(report.get("areas")).hasSize(16);
      assertThat(report.get("findings")).isNotEmpty();
      JsonNode finding = report.get("findings").get(0);
      assertThat(finding.at("/resource/source/file").asText()).startsWith(input);
      assertThat(finding.at("/resource/source/line").asInt()).isPositive();
      assertThat(finding.get("path").asText()).isNotEmpty();
    }
  }

  @Test
  void schemaRejectsAReportThatBreaksTheContract() throws IOException {
    String good = Cli.run("scan", Cli.MANIFESTS, "--format", "json").out();
    assertThat(validate(good.replace("\"status\" : \"MANUAL\"", "\"status\" : \"MAYBE\""))).isNotEmpty();
    assertThat(validate("{\"schemaVersion\": \"1.0\"}")).isNotEmpty();
  }

  @Test
  void jsonIsByteIdenticalAcrossRuns() {
    String first = Cli.run("scan", Cli.MANIFESTS, "--format", "json").out();
    String second = Cli.run("scan", Cli.MANIFESTS, "--format", "json").out();
    assertThat(first).isEqualTo(second).contains("\"generatedAt\" : \"2026-01-01T10:00:00Z\"");
  }

  @Test
  void malformedDocumentIsReportedAndTheRestAssessed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mixed.yaml");
    Files.writeString(file, """
        apiVersion: v1
        kind: Pod
        metadata:
          name: ok
          namespace: shop
        spec:
          containers:
            - name: app
              image: app:latest
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: broken
          namespace: shop
        spec:
          containers: [unclosed
        ---
        kind: Pod
        metadata:
          name: no-api-version
        """);
    Cli.Run run = Cli.run("scan", file.toString(), "--format", "json");
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(run.err()).contains("2 input errors").doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("objects").asInt()).isEqualTo(1);
    assertThat(report.get("errors")).hasSize(2);
    assertThat(report.at("/errors/0/source/document").asInt()).isEqualTo(2);
    assertThat(report.at("/errors/0/source/line").asInt()).isBetween(16, 18);
    assertThat(report.at("/errors/1/source/document").asInt()).isEqualTo(3);
    assertThat(report.at("/errors/1/message").asText()).isEqualTo("Pod: missing apiVersion");
    assertThat(report.get("findings").findValuesAsText("name")).contains("image-not-pinned");

    Cli.Run terminal = Cli.run("scan", file.toString(), "--no-color");
    assertThat(terminal.out()).contains("Input errors (2)").contains(file + ":");
  }

  @Test
  void readsStandardInput() throws IOException {
    String yaml = Files.readString(Path.of(Cli.MANIFESTS, "web", "storefront.yaml"));
    Cli.Run run = Cli.runWithStdin(yaml, "scan", "-", "--format", "json", "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).at("/findings/0/resource/source/file").asText()).isEqualTo("-");
  }

  @Test
  void countsOneObjectAsOneObject() {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: x}\nspec:\n  containers: [{name: c, image: "
        + "nginx:1.27}]\n";
    for (String format : List.of("terminal", "html", "markdown")) {
      Cli.Run run = Cli.runWithStdin(pod, "scan", "-", "--format", format, "--fail-on", "none");
      assertThat(run.out()).as(format).contains("(1 object)").doesNotContain("1 objects");
    }
    Cli.Run dss = Cli.runWithStdin(pod, "scan", "-", "--group-by", "dss", "--fail-on", "none");
    assertThat(dss.out()).as(dss.err()).contains("Input: - (1 object)");
  }

  @Test
  void usageErrorsAreOneLineWithCodeTwo(@TempDir Path dir) throws IOException {
    assertThat(Cli.run("scan", dir.resolve("missing.yaml").toString())).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith("kubepci: no such file or directory").hasLineCount(1);
    });
    assertThat(Cli.run("scan", dir.toString()).err()).contains("no .yaml, .yml or .json files, Helm charts or kustomizations under");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing here\n");
    assertThat(Cli.run("scan", empty.toString())).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("holds no Kubernetes objects");
    });
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--format", "pdf").err()).contains("unknown format 'pdf'");
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--fail-on", "severe").code()).isEqualTo(2);
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--rule", "no-such-rule").err()).contains("unknown rule 'no-such-rule'");
    assertThat(Cli.run("scan", "--bogus").code()).isEqualTo(2);
  }

  @Test
  void ruleSelectionRunsOnlyTheChosenRules() throws IOException {
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--format", "json", "--rule", "privileged-container",
        "--fail-on", "none");
    JsonNode report = JSON.readTree(run.out());
    List<String> rules = new ArrayList<>();
    report.get("findings").forEach(f -> rules.add(f.get("rule").asText()));
    assertThat(rules).isNotEmpty().containsOnly("KPCI-0001");
    JsonNode skipped = Cli.run("scan", Cli.MANIFESTS, "--format", "json", "--skip-rule", "KPCI-0005",
        "--skip-rule", "KPCI-0120", "--skip-rule", "KPCI-0126")
        .out().transform(s -> {
          try {
            return JSON.readTree(s);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    JsonNode limits = null;
    for (JsonNode r : skipped.get("requirements")) {
      if (r.get("id").asText().equals("11.1")) {
        limits = r;
      }
    }
    assertThat(limits.get("status").asText()).isEqualTo("NOT_ASSESSED");
  }

  @Test
  void failOnThresholdDecidesTheExitCode() {
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--fail-on", "none").code()).isZero();
    assertThat(Cli.run("scan", Cli.MANIFESTS, "--fail-on", "critical").code()).isEqualTo(1);
  }

  @Test
  void writesSeveralFormatsInOneRun(@TempDir Path dir) throws IOException {
    Path json = dir.resolve("out/report.json");
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--format", "json", "--output", json.toString(),
        "--format", "terminal", "--fail-on", "none");
    assertThat(run.code()).isZero();
    assertThat(validate(Files.readString(json))).isEmpty();
    assertThat(run.out()).contains("Summary: 42 practices");
  }
}
