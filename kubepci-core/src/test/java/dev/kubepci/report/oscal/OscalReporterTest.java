package dev.kubepci.report.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kubepci.catalog.Framework;
import dev.kubepci.oscal.OscalCatalogs;
import dev.kubepci.report.ReportFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OSCAL 1.1.2 assessment results and catalog, validated against NIST's JSON schemas for that release. */
public class OscalReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String AR_SCHEMA = "/schemas/oscal-ar-1.1.2_schema.json";
  public static final String CATALOG_SCHEMA = "/schemas/oscal-catalog-1.1.2_schema.json";

  /** The problems the official schema finds in a document. */
  public static Set<ValidationMessage> validate(String schemaResource, String json) throws IOException {
    try (InputStream schema = OscalReporterTest.class.getResourceAsStream(schemaResource)) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      return s.validate(JSON.readTree(json));
    }
  }

  private static String oscal() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new OscalReporter().write(ReportFixture.sample(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validatesAgainstTheOfficialAssessmentResultsSchema() throws IOException {
    assertThat(validate(AR_SCHEMA, oscal())).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatBreaksOscal() throws IOException {
    JsonNode doc = JSON.readTree(oscal());
    ObjectNode target = (ObjectNode) doc.path("assessment-results").path("results").get(0).path("findings").get(0)
        .path("target");
    ((ObjectNode) target.path("status")).put("state", "passed");
    ((ObjectNode) doc.path("assessment-results")).remove("import-ap");
    ((ObjectNode) doc.path("assessment-results")).put("uuid", "not-a-uuid");
    assertThat(validate(AR_SCHEMA, doc.toString())).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void everyPracticeIsAnObjectiveWithAFindingAndItsStatus() throws IOException {
    JsonNode ar = JSON.readTree(oscal()).path("assessment-results");
    assertThat(ar.path("metadata").path("oscal-version").asText()).isEqualTo("1.1.2");
    List<String> objectives = new ArrayList<>();
    ar.path("local-definitions").path("objectives-and-methods").forEach(o -> objectives.add(o.path("control-id").asText()));
    assertThat(objectives).containsExactly("pcg-1.1", "pcg-1.2", "pcg-2.1", "pcg-2.2", "pcg-2.3", "pcg-3.1", "pcg-3.2");
    JsonNode findings = ar.path("results").get(0).path("findings");
    assertThat(findings).hasSize(7);
    JsonNode first = findings.get(0);
    assertThat(first.path("target").path("target-id").asText()).isEqualTo("pcg-1.1_obj");
    assertThat(first.path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
    assertThat(first.path("target").path("status").path("reason").asText()).isEqualTo("fail");
    assertThat(first.toString()).contains("\"pci-dss-requirement\"").contains("\"8.2\"");
    // MANUAL and NOT_ASSESSED are never satisfied; PASS is
    assertThat(findings.get(1).path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
    assertThat(findings.get(4).path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
    assertThat(findings.get(3).path("target").path("status").path("state").asText()).isEqualTo("satisfied");
  }

  @Test
  void findingsAreObservationsWithTheirEvidenceAndAttestationsHaveTheirAttester() throws IOException {
    JsonNode ar = JSON.readTree(oscal()).path("assessment-results");
    JsonNode result = ar.path("results").get(0);
    JsonNode privileged = result.path("observations").get(0);
    assertThat(privileged.path("methods").get(0).asText()).isEqualTo("TEST");
    String evidence = privileged.path("relevant-evidence").get(0).toString();
    assertThat(evidence).contains("Deployment/payments/api")
        .contains("spec.template.spec.containers[0].securityContext.privileged")
        .contains("manifests/payments/api.yaml:31");
    JsonNode parties = ar.path("metadata").path("parties");
    String qsa = null;
    for (JsonNode p : parties) {
      if (p.path("name").asText().equals("A. Assessor (QSA)")) {
        qsa = p.path("uuid").asText();
      }
    }
    assertThat(qsa).isNotNull();
    String attester = qsa;
    assertThat(result.path("observations").findValues("actor-uuid")).anyMatch(n -> n.asText().equals(attester));
    // the active waiver is an approved deviation related to the finding of practice 2.1
    JsonNode risk = result.path("risks").get(0);
    assertThat(risk.path("status").asText()).isEqualTo("deviation-approved");
    assertThat(result.path("findings").get(2).path("related-risks").get(0).path("risk-uuid").asText())
        .isEqualTo(risk.path("uuid").asText());
  }

  @Test
  void theSameReportGivesTheSameDocument() throws IOException {
    assertThat(oscal()).isEqualTo(oscal());
  }

  @Test
  void aFrameworkIsAValidOscalCatalog() throws IOException {
    Framework f = new Framework("pci-container-guidance", "1.0", "Guidance", "PCI SSC", "2022-09", List.of(
        new Framework.Area("1", "Authentication", List.of(
            new Framework.Practice("1.1", "APIs require authentication", "Anonymous access", "Require it",
                Framework.Assessment.partial, List.of("KPCI-0001"), List.of("API server flags"), List.of(), List.of()),
            new Framework.Practice("1.2", "Accounts are personal", null, null, Framework.Assessment.manual,
                List.of(), List.of("Account list", "Joiner-leaver process"), List.of(), List.of())))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OscalCatalogs.write(OscalCatalogs.catalog(f, "2026-01-15T10:00:00Z"), out);
    String catalog = out.toString(StandardCharsets.UTF_8);
    assertThat(validate(CATALOG_SCHEMA, catalog)).isEmpty();
    assertThat(catalog).contains("\"id\" : \"pcg-1.1_obj\"").contains("Joiner-leaver process");
  }
}
