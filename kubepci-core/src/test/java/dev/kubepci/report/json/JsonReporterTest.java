package dev.kubepci.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.kubepci.model.Provenance;
import dev.kubepci.report.ReportFixture;
import dev.kubepci.result.ProcessingError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(Path.of("..", "schemas", "kubepci-report.schema.json").toUri());

  private static JsonNode json() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(ReportFixture.sample(), out);
    return JSON.readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validatesAgainstTheReportSchema() throws IOException {
    assertThat(SCHEMA.validate(json())).isEmpty();
  }

  @Test
  void ruleErrorsAreListedApartAndValidate() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(ReportFixture.withRuleError(), out);
    JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(SCHEMA.validate(report)).isEmpty();
    assertThat(report.path("summary").path("ruleErrors").asInt()).isEqualTo(1);
    assertThat(report.path("summary").path("rules").path("ERROR").asInt()).isEqualTo(1);
    assertThat(report.path("errors")).hasSize(3);
    JsonNode error = report.path("ruleErrors").get(0);
    assertThat(error.path("rule").asText()).isEqualTo("KPCI-0005");
    assertThat(error.path("message").asText()).isEqualTo("java.lang.NullPointerException: rule boom");
    assertThat(error.path("resource").path("source").path("assumedNamespace").asText()).isEqualTo("default");
    assertThat(error.has("stackTrace")).as("stack traces are for --debug only").isFalse();
  }

  @Test
  void schemaRequiresTheWaiverOfAWaivedFindingAndNoneOnAFailingOne() throws IOException {
    JsonNode report = json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) report.path("findings").get(2)).remove("waiver");
    ((com.fasterxml.jackson.databind.node.ObjectNode) report.path("findings").get(0))
        .set("waiver", report.path("waivers").get(0).path("waiver"));
    assertThat(SCHEMA.validate(report)).hasSize(2);
  }

  @Test
  void findingsCarryTheirEvidence() throws IOException {
    JsonNode file = json().path("findings").get(0);
    assertThat(file.path("ruleVersion").asText()).isEqualTo("1.2.3");
    assertThat(file.path("resource").path("source").path("line").asInt()).isEqualTo(14);
    assertThat(file.path("resource").path("source").path("fieldLine").asInt()).isEqualTo(31);
    assertThat(file.path("kubectl").asText()).isEqualTo("kubectl get deployment.apps -n payments api -o "
        + "jsonpath='{.spec.template.spec.containers[0].securityContext.privileged}'");
    JsonNode live = json().path("findings").get(1);
    assertThat(live.path("resource").path("uid").asText()).isEqualTo("3f2b6c1e-0d4a-4c7e-9a51-2b7d1c0e9f11");
    assertThat(live.path("resource").path("resourceVersion").asText()).isEqualTo("48213");
    assertThat(live.path("resource").path("source").path("cluster").asText()).isEqualTo("https://10.0.0.1:6443");
    assertThat(live.path("resource").path("source").path("collectedAt").asText()).isEqualTo("2026-01-15T09:58:00Z");
  }

  @Test
  void waiversAttestationsAndOpenPracticesAreReported() throws IOException {
    JsonNode report = json();
    assertThat(report.path("findings").get(2).path("waiver").path("approver").asText()).isEqualTo("Jane Roe (CISO)");
    assertThat(report.path("waivers")).extracting(w -> w.path("state").asText())
        .containsExactly("ACTIVE", "EXPIRED", "INVALID");
    assertThat(report.path("summary").path("waived").asInt()).isEqualTo(1);
    assertThat(report.path("summary").path("attested").asInt()).isEqualTo(2);
    assertThat(report.path("summary").path("open")).extracting(JsonNode::asText).containsExactly("1.2");
    JsonNode overridden = report.path("requirements").get(0).path("attestation");
    assertThat(overridden.path("applied").asBoolean()).isFalse();
    assertThat(report.path("requirements").get(3).path("attestation").path("applied").asBoolean()).isTrue();
  }

  @Test
  void configurationAndDerivedSourcesHaveTheirOwnFieldsAndValidate() throws IOException {
    var sample = ReportFixture.sample();
    var derived = sample.findings().get(0).with()
        .source(Provenance.derived("network policy analysis", "namespace shop")).build();
    var report = sample.withFindings(List.of(derived)).with().errors(List.of(
        new ProcessingError(Provenance.ofConfiguration(null, "waiver W-9"), "waiver W-9 has no approver"),
        new ProcessingError(Provenance.ofConfiguration("kubepci.yaml", "attestation for 3.1"), "no reviewer")))
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(report, out);
    JsonNode json = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(SCHEMA.validate(json)).isEmpty();
    JsonNode source = json.path("findings").get(0).path("resource").path("source");
    assertThat(source.path("derivedBy").asText()).isEqualTo("network policy analysis");
    assertThat(source.path("derivedFrom").asText()).isEqualTo("namespace shop");
    assertThat(source.has("file")).isFalse();
    assertThat(json.path("errors").get(0).path("source").path("configuration").asText()).isEqualTo("waiver W-9");
    assertThat(json.path("errors").get(0).path("source").has("file")).isFalse();
    assertThat(json.path("errors").get(1).path("source").path("configurationFile").asText()).isEqualTo("kubepci.yaml");
  }
}
