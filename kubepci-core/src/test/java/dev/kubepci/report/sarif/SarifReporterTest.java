package dev.kubepci.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kubepci.model.Provenance;
import dev.kubepci.report.ReportFixture;
import dev.kubepci.result.ProcessingError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Set<ValidationMessage> validate(String sarif) throws IOException {
    try (InputStream schema = SarifReporterTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      return s.validate(JSON.readTree(sarif));
    }
  }

  private static String sarif() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifReporter().write(ReportFixture.sample(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validatesAgainstTheOfficialSarifSchema() throws IOException {
    assertThat(validate(sarif())).isEmpty();
  }

  @Test
  void schemaRejectsALogThatBreaksSarif() throws IOException {
    JsonNode log = JSON.readTree(sarif());
    ((com.fasterxml.jackson.databind.node.ObjectNode) log).put("version", "2.0.0");
    ((com.fasterxml.jackson.databind.node.ObjectNode) log.path("runs").get(0).path("results").get(0))
        .put("level", "fatal");
    assertThat(validate(log.toString())).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void rulesRelateToTheBestPracticesOfThePciTaxonomy() throws IOException {
    JsonNode run = JSON.readTree(sarif()).path("runs").get(0);
    JsonNode taxonomy = run.path("taxonomies").get(0);
    assertThat(taxonomy.path("name").asText()).isEqualTo(SarifReporter.TAXONOMY);
    List<String> taxa = new ArrayList<>();
    taxonomy.path("taxa").forEach(t -> taxa.add(t.path("id").asText()));
    assertThat(taxa).containsExactly("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2");
    assertThat(run.path("tool").path("driver").path("supportedTaxonomies").get(0).path("name").asText())
        .isEqualTo(SarifReporter.TAXONOMY);
    JsonNode rule = run.path("tool").path("driver").path("rules").get(1);
    assertThat(rule.path("id").asText()).isEqualTo("KPCI-0002");
    assertThat(rule.path("help").path("text").asText()).contains("Remediation:");
    List<String> targets = new ArrayList<>();
    rule.path("relationships").forEach(r -> {
      if (!r.path("target").path("toolComponent").path("name").asText().equals(SarifReporter.TAXONOMY)) {
        return;
      }
      int index = r.path("target").path("index").asInt();
      assertThat(taxa.get(index)).isEqualTo(r.path("target").path("id").asText());
      targets.add(r.path("target").path("id").asText());
    });
    assertThat(targets).containsExactly("1.1", "3.2");
  }

  @Test
  void practicesRulesAndResultsRelateToTheDssRequirementsOfTheCrossReference() throws IOException {
    JsonNode run = JSON.readTree(sarif()).path("runs").get(0);
    JsonNode dss = run.path("taxonomies").get(1);
    assertThat(dss.path("name").asText()).isEqualTo(SarifReporter.DSS_TAXONOMY);
    assertThat(dss.path("version").asText()).isEqualTo("4.0.1");
    assertThat(dss.path("shortDescription").path("text").asText()).contains("not a statement by the PCI");
    List<String> taxa = new ArrayList<>();
    dss.path("taxa").forEach(t -> taxa.add(t.path("id").asText()));
    assertThat(taxa).containsExactly("1.3", "2.2", "8.2", "12.5");
    assertThat(run.path("tool").path("driver").path("supportedTaxonomies").get(1).path("name").asText())
        .isEqualTo(SarifReporter.DSS_TAXONOMY);
    // practice 2.1 of the guidance supports 2.2 and 12.5
    JsonNode practice = run.path("taxonomies").get(0).path("taxa").get(2);
    assertThat(practice.path("id").asText()).isEqualTo("2.1");
    List<String> targets = new ArrayList<>();
    practice.path("relationships").forEach(r -> {
      assertThat(r.path("target").path("toolComponent").path("name").asText()).isEqualTo(SarifReporter.DSS_TAXONOMY);
      assertThat(taxa.get(r.path("target").path("index").asInt())).isEqualTo(r.path("target").path("id").asText());
      targets.add(r.path("target").path("id").asText());
    });
    assertThat(targets).containsExactly("2.2", "12.5");
    // KPCI-0002 decides 1.1 and 3.2, which support 8.2 and 12.5
    JsonNode rule = run.path("tool").path("driver").path("rules").get(1);
    assertThat(rule.path("properties").path("dss").toString()).isEqualTo("[\"8.2\",\"12.5\"]");
    assertThat(run.path("results").get(1).path("properties").path("dss").toString()).isEqualTo("[\"8.2\",\"12.5\"]");
  }

  @Test
  void manifestFindingsPointAtTheFieldLineAndClusterFindingsAtTheObject() throws IOException {
    JsonNode results = JSON.readTree(sarif()).path("runs").get(0).path("results");
    JsonNode file = results.get(0).path("locations").get(0);
    assertThat(file.path("physicalLocation").path("artifactLocation").path("uri").asText())
        .isEqualTo("manifests/payments/api.yaml");
    assertThat(file.path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(31);
    assertThat(file.path("logicalLocations").get(0).path("fullyQualifiedName").asText())
        .isEqualTo("Deployment/payments/api");
    JsonNode cluster = results.get(1).path("locations").get(0);
    assertThat(cluster.has("physicalLocation")).isFalse();
    assertThat(cluster.path("logicalLocations").get(0).path("fullyQualifiedName").asText())
        .isEqualTo("ClusterRoleBinding/ci-admin");
    assertThat(results.get(1).path("properties").path("resource").path("uid").asText()).isNotEmpty();
  }

  @Test
  void waivedFindingsAreAcceptedSuppressionsWithTheirJustification() throws IOException {
    JsonNode results = JSON.readTree(sarif()).path("runs").get(0).path("results");
    JsonNode waived = results.get(2);
    assertThat(waived.path("ruleId").asText()).isEqualTo("KPCI-0003");
    JsonNode suppression = waived.path("suppressions").get(0);
    assertThat(suppression.path("kind").asText()).isEqualTo("external");
    assertThat(suppression.path("status").asText()).isEqualTo("accepted");
    assertThat(suppression.path("justification").asText()).contains("dedicated nodes");
    assertThat(results.get(0).has("suppressions")).isFalse();
  }

  @Test
  void fingerprintsIgnoreLinesAndWording() throws IOException {
    JsonNode result = JSON.readTree(sarif()).path("runs").get(0).path("results").get(0);
    String fingerprint = result.path("partialFingerprints").path(SarifReporter.FINGERPRINT).asText();
    var f = ReportFixture.sample().findings().get(0);
    var moved = f.with().source(((Provenance.FileSource) f.source()).withFieldLine(99)).message("reworded")
        .build();
    assertThat(moved.fingerprint()).isEqualTo(fingerprint).matches("[0-9a-f]{16}");
  }

  @Test
  void writesFileUrisForAbsoluteAndEscapedRelativePaths() {
    assertThat(SarifReporter.uri("./dir/my file.yaml")).isEqualTo("dir/my%20file.yaml");
    assertThat(SarifReporter.uri("/srv/m.yaml")).isEqualTo("file:///srv/m.yaml");
    assertThat(SarifReporter.uri("a\\b.yaml")).isEqualTo("a/b.yaml");
  }

  @Test
  void configurationAndDerivedSourcesGetLogicalLocationsAndNoArtifact() throws IOException {
    var sample = ReportFixture.sample();
    var f = sample.findings().get(0);
    var derived = f.with().source(Provenance.derived("network policy analysis", "namespace shop")).build();
    var report = sample.withFindings(List.of(derived)).with()
        .errors(List.of(new ProcessingError(Provenance.ofConfiguration(null, "waiver W-9"), "waiver W-9 has no approver")))
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SarifReporter().write(report, out);
    JsonNode run = JSON.readTree(out.toString(StandardCharsets.UTF_8)).path("runs").get(0);
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("locations").get(0).has("physicalLocation")).isFalse();
    assertThat(result.path("properties").path("derivedBy").asText()).isEqualTo("network policy analysis");
    JsonNode notification = run.path("invocations").get(0).path("toolExecutionNotifications").get(0);
    JsonNode location = notification.path("locations").get(0);
    assertThat(location.has("physicalLocation")).isFalse();
    assertThat(location.path("logicalLocations").get(0).path("name").asText()).isEqualTo("waiver W-9");
  }
}
