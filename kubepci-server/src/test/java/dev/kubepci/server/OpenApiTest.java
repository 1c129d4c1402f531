package dev.kubepci.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document (docs/api/openapi.yaml, packaged with the server) against the running server: the same API
 * routes on both sides, every documented JSON response valid against its schema, and errors in the documented shape
 * with a documented status.
 */
class OpenApiTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();
  static JsonNode doc;
  static TestServer s;
  static long first;
  static long second;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = OpenApiTest.class.getResourceAsStream("/dev/kubepci/server/api/openapi.yaml")) {
      doc = YAML.readTree(in);
    }
    s = TestServer.start(1024 * 1024);
    first = PagesApiTest.id(s.push("prod", TestReports.report(Instant.parse("2026-02-27T06:00:00Z"), 2)));
    second = PagesApiTest.id(s.push("prod", TestReports.report(Instant.parse("2026-02-28T06:00:00Z"),
        TestReports.findings())));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void documentsExactlyTheServersApiRoutes() {
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey()));
    }
    Set<String> served = new TreeSet<>();
    for (String e : s.server.endpoints()) {
      String path = e.substring(e.indexOf(' ') + 1);
      if (path.startsWith("/api/") || path.equals("/metrics") || path.equals("/healthz")) {
        served.add(e);
      }
    }
    assertThat(served).isEqualTo(documented);
  }

  /** The documented schema of a response, resolved within the document. */
  static JsonSchema schema(String path, String status) {
    JsonNode media = doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/responses/" + status);
    if (media.has("$ref")) {
      media = doc.at(media.get("$ref").asText().substring(1));
    }
    JsonNode schema = media.at("/content/application~1json/schema");
    assertThat(schema.isMissingNode()).as(path + " " + status + " has a JSON schema").isFalse();
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.setAll((ObjectNode) schema.deepCopy());
    root.set("components", doc.get("components"));
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
  }

  static void conforms(String template, String url, String token, int status) throws IOException {
    HttpResponse<String> r = s.get(url, token);
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(status);
    Set<ValidationMessage> problems = schema(template, String.valueOf(status)).validate(JSON.readTree(r.body()));
    assertThat(problems).as(url + " against " + template + " " + status).isEmpty();
  }

  @Test
  void everyJsonResponseFollowsItsSchema() throws IOException {
    conforms("/api/v1/fleet", "/api/v1/fleet", s.viewer, 200);
    conforms("/api/v1/clusters/{cluster}/trend", "/api/v1/clusters/prod/trend", s.viewer, 200);
    conforms("/api/v1/assessments/{id}", "/api/v1/assessments/" + second, s.viewer, 200);
    conforms("/api/v1/assessments/{id}", "/api/v1/assessments/" + first, s.viewer, 200);
    conforms("/api/v1/assessments/{id}/findings", "/api/v1/assessments/" + second
        + "/findings?severity=CRITICAL&status=FAIL&q=api", s.viewer, 200);
    conforms("/api/v1/assessments/{id}/findings", "/api/v1/assessments/" + second + "/findings", s.viewer, 200);
    conforms("/api/v1/compare", "/api/v1/compare?from=" + first + "&to=" + second, s.viewer, 200);
    conforms("/api/v1/waivers", "/api/v1/waivers", s.viewer, 200);
    conforms("/api/v1/tokens", "/api/v1/tokens", s.admin, 200);
    conforms("/api/v1/audit", "/api/v1/audit", s.admin, 200);
  }

  @Test
  void documentsEveryExportFormatWithTheMediaTypeItIsServedAs() {
    JsonNode get = doc.at("/paths/~1api~1v1~1assessments~1{id}~1report/get");
    Set<String> formats = new TreeSet<>();
    for (JsonNode p : get.get("parameters")) {
      if ("format".equals(p.path("name").asText())) {
        p.at("/schema/enum").forEach(f -> formats.add(f.asText()));
      }
    }
    assertThat(formats).containsExactlyElementsOf(dev.kubepci.report.formats.ReportFormats.names());
    Set<String> media = new TreeSet<>();
    get.at("/responses/200/content").fieldNames().forEachRemaining(media::add);
    for (String format : formats) {
      HttpResponse<String> r = s.get("/api/v1/assessments/" + second + "/report?format=" + format, s.viewer);
      assertThat(r.statusCode()).as(format).isEqualTo(200);
      String type = r.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", "");
      assertThat(media).as(format).contains(type);
    }
  }

  @Test
  void errorsAreDocumentedAndShapedAsDocumented() throws IOException {
    conforms("/api/v1/assessments/{id}/report", "/api/v1/assessments/" + second + "/report?format=pdf", s.viewer,
        400);
    conforms("/api/v1/fleet", "/api/v1/fleet", null, 401);
    conforms("/api/v1/clusters/{cluster}/trend", "/api/v1/clusters/NOT_VALID/trend", s.viewer, 400);
    conforms("/api/v1/clusters/{cluster}/trend", "/api/v1/clusters/unknown/trend", s.viewer, 404);
    conforms("/api/v1/assessments/{id}", "/api/v1/assessments/0", s.viewer, 400);
    conforms("/api/v1/assessments/{id}", "/api/v1/assessments/424242", s.viewer, 404);
    conforms("/api/v1/assessments/{id}/findings", "/api/v1/assessments/" + second + "/findings?severity=x",
        s.viewer, 400);
    conforms("/api/v1/compare", "/api/v1/compare?from=1", s.viewer, 400);
    conforms("/api/v1/tokens", "/api/v1/tokens", s.viewer, 403);
    conforms("/api/v1/audit", "/api/v1/audit", s.ingestProd, 403);
  }
}
