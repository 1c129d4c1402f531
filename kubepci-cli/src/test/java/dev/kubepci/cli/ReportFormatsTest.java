package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report format written from one scan of the example cluster, with waivers and attestations. */
class ReportFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Cli.Run runAt(long epochSeconds, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), Map.of("SOURCE_DATE_EPOCH", String.valueOf(epochSeconds),
            "KUBEPCI_REDACTION_KEY", Cli.ENV.get("KUBEPCI_REDACTION_KEY")));
    return new Cli.Run(code, out.toString(), err.toString());
  }

  private static String[] scan(Path dir, String... formats) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("scan", Cli.MANIFESTS, "-c",
        GovernanceCommandTest.CONFIG, "--waivers", GovernanceCommandTest.WAIVERS, "--attestations",
        GovernanceCommandTest.ATTESTATIONS, "--fail-on", "none"));
    for (String f : formats) {
      args.addAll(java.util.List.of("--format", f, "--output", dir.resolve("report." + f).toString()));
    }
    return args.toArray(String[]::new);
  }

  @Test
  void writesEveryFormatInOneRunAndEachIsValid(@TempDir Path dir) throws Exception {
    Cli.Run run = Cli.run(scan(dir, "json", "sarif", "html", "junit", "markdown", "csv"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();

    String sarif = Files.readString(dir.resolve("report.sarif"));
    try (InputStream schema = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
      assertThat(s.validate(JSON.readTree(sarif))).isEmpty();
    }
    JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
    assertThat(results).anySatisfy(r -> {
      assertThat(r.at("/suppressions/0/status").asText()).isEqualTo("accepted");
      assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .isEqualTo("../examples/payment-platform/manifests/kube-system/calico.yaml");
    });
    JsonNode report = JSON.readTree(dir.resolve("report.json").toFile());
    assertThat(results).hasSameSizeAs(report.get("findings"));

    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(getClass().getResource("/schemas/junit.xsd")).newValidator().validate(new StreamSource(dir.resolve("report.junit").toFile()));
    assertThat(Files.readString(dir.resolve("report.junit"))).contains("<testsuite name=\"16. Segmentation\"");

    assertThat(Files.readString(dir.resolve("report.html"))).contains("RISK-2025-014").contains("R. Diaz (QSA)");
    assertThat(Files.readString(dir.resolve("report.markdown"))).contains("### Waived findings");
    String csv = Files.readString(dir.resolve("report.csv"));
    assertThat(csv.split("\r\n")).hasSize(report.get("findings").size() + 1);
    assertThat(csv).contains(",WAIVED,KPCI-0001,");
  }

  @Test
  void findingsFromFilesPointAtTheirFieldLine() throws IOException {
    JsonNode report = JSON.readTree(Cli.run("scan", Cli.MANIFESTS, "--format", "json").out());
    int located = 0;
    for (JsonNode f : report.get("findings")) {
      JsonNode source = f.at("/resource/source");
      if (!source.has("fieldLine")) {
        continue;
      }
      located++;
      assertThat(source.get("fieldLine").asInt()).isGreaterThanOrEqualTo(source.get("line").asInt());
      String line = Files.readAllLines(Path.of(source.get("file").asText())).get(source.get("fieldLine").asInt() - 1);
      // the field itself, or the closest enclosing field that exists (an absent field is reported on its parent)
      String path = f.get("path").asText();
      java.util.List<String> names = dev.kubepci.model.FieldPath.parse(path).segments().stream()
          .filter(String.class::isInstance).map(String.class::cast).toList();
      // a list element: "- " in YAML, a bare value in a JSON array
      boolean element = path.endsWith("]") && (line.strip().startsWith("- ") || line.strip().startsWith("\""));
      assertThat(names).as("%s at %s", path, source).anyMatch(n -> line.contains(n + ":")
          || line.contains(n + "\":") || line.strip().startsWith("- ") || element);
    }
    assertThat(located).isEqualTo(report.get("findings").size());
  }

  @Test
  void jsonAndSarifAreByteIdenticalApartFromTheRunTimestamps(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(runAt(1767261600L, scan(a, "json", "sarif")).code()).isZero();
    assertThat(runAt(1767348000L, scan(b, "json", "sarif")).code()).isZero();
    for (String f : new String[] {"json", "sarif"}) {
      String first = Files.readString(a.resolve("report." + f), StandardCharsets.UTF_8);
      String second = Files.readString(b.resolve("report." + f), StandardCharsets.UTF_8);
      assertThat(first).as(f).isNotEqualTo(second);
      assertThat(withoutTimestamps(first)).as(f).isEqualTo(withoutTimestamps(second));
    }
  }

  private static String withoutTimestamps(String s) {
    return s.replaceAll("\"(generatedAt|startTimeUtc)\" : \"[^\"]+\"", "\"$1\" : \"\"");
  }
}
