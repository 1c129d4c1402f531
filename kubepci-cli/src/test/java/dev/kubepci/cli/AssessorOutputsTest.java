package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubepci.report.oscal.OscalReporterTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an assessor files from the example: OSCAL results and catalog that validate, and the DSS view. */
class AssessorOutputsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private static String[] exampleScan(String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", Cli.MANIFESTS, "-c",
        GovernanceCommandTest.CONFIG, "--waivers", GovernanceCommandTest.WAIVERS, "--attestations",
        GovernanceCommandTest.ATTESTATIONS, "--fail-on", "none"));
    args.addAll(java.util.List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void theExampleAsOscalAssessmentResultsValidatesAgainstTheOfficialSchema() throws IOException {
    Path out = dir.resolve("example.oscal.json");
    Cli.Run run = Cli.run(exampleScan("--format", "oscal", "--output", out.toString()));
    assertThat(run.code()).as(run.err()).isZero();
    String oscal = Files.readString(out);
    assertThat(OscalReporterTest.validate(OscalReporterTest.AR_SCHEMA, oscal)).isEmpty();
    JsonNode result = JSON.readTree(oscal).path("assessment-results").path("results").get(0);
    assertThat(result.path("findings")).hasSize(42);
    assertThat(result.path("risks").size()).isPositive();
    assertThat(result.path("observations").findValues("methods").stream().anyMatch(m -> m.toString().contains("INTERVIEW")))
        .isTrue();
  }

  @Test
  void theFrameworkAsAnOscalCatalogValidatesAgainstTheOfficialSchema() throws IOException {
    Cli.Run run = Cli.run("framework", "--format", "oscal");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(OscalReporterTest.validate(OscalReporterTest.CATALOG_SCHEMA, run.out())).isEmpty();
    JsonNode groups = JSON.readTree(run.out()).path("catalog").path("groups");
    assertThat(groups).hasSize(16);
    assertThat(groups.findValues("controls").stream().mapToInt(JsonNode::size).sum()).isEqualTo(42);
    assertThat(Cli.run("framework", "--format", "xml").err()).contains("expected text or oscal");
  }

  @Test
  void groupByDssShowsTheSameVerdictsByRequirement() throws IOException {
    Cli.Run byArea = Cli.run(exampleScan("--format", "json"));
    Cli.Run byDss = Cli.run(exampleScan("--group-by", "dss", "--no-color"));
    assertThat(byDss.code()).as(byDss.err()).isZero();
    assertThat(byDss.out()).contains("by PCI DSS v4.0.1 requirement")
        .contains("not a statement by the PCI Security Standards Council")
        .contains("DSS 1.3  Network access to and from the cardholder data environment is restricted")
        .contains("DSS 12.5  PCI DSS scope is documented and validated");
    JsonNode report = JSON.readTree(byArea.out());
    for (JsonNode practice : report.path("requirements")) {
      String line = "  " + String.format("%-5s %-14s %s", practice.path("id").asText(), practice.path("status").asText(),
          practice.path("title").asText());
      assertThat(byDss.out()).as("practice %s with its verdict", practice.path("id").asText()).contains(line);
    }
    assertThat(report.path("findings").get(0).path("dss").size()).isPositive();
    Path html = dir.resolve("dss.html");
    Path md = dir.resolve("dss.md");
    Cli.Run files = Cli.run(exampleScan("--group-by", "dss", "--format", "html", "--output", html.toString(),
        "--format", "markdown", "--output", md.toString()));
    assertThat(files.code()).as(files.err()).isZero();
    assertThat(Files.readString(html)).contains("id=\"dss-12.5\"");
    assertThat(Files.readString(md)).contains("### DSS 8.3: Strong authentication");
  }
}
