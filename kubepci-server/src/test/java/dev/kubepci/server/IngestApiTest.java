package dev.kubepci.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pushing reports: accepted once, idempotent by hash, and every bad request a 4xx that stores nothing. */
class IngestApiTest {
  static final long LIMIT = 64 * 1024;
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start(LIMIT);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void storesAReportOnceAndAcknowledgesTheSameReportAgain() {
    byte[] report = TestReports.report(Instant.parse("2026-02-01T00:00:00Z"), TestReports.findings());
    HttpResponse<String> first = s.push("prod", report);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.body()).contains("\"created\":true", "\"cluster\":\"prod\"");
    assertThat(first.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
        .startsWith("/api/v1/assessments/"));
    int stored = s.assessments();
    HttpResponse<String> again = s.push("prod", report);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"created\":false");
    assertThat(s.assessments()).isEqualTo(stored);
  }

  @Test
  void acceptsAGzipBody() {
    byte[] report = TestReports.report(Instant.parse("2026-02-02T00:00:00Z"), 2);
    HttpResponse<String> r = s.push("dev", s.ingestDev, TestReports.gzip(report), "application/json", "gzip");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static void refused(HttpResponse<String> r, int status, String message) {
    int before = s.assessments();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    assertThat(r.body()).contains("\"status\":" + status).contains(message);
    assertThat(s.assessments()).isEqualTo(before);
  }

  private static byte[] fresh() {
    return TestReports.report(Instant.parse("2026-02-10T00:00:00Z"), 1);
  }

  @Test
  void refusesAPushWithoutAToken() {
    int before = s.assessments();
    refused(s.push("prod", null, fresh(), "application/json", null), 401, "Bearer");
    assertThat(s.assessments()).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownToken() {
    refused(s.push("prod", "kpci_notatoken", fresh(), "application/json", null), 401, "not valid");
  }

  @Test
  void refusesAViewerTokenAndAnotherClustersToken() {
    int before = s.assessments();
    refused(s.push("prod", s.viewer, fresh(), "application/json", null), 403, "viewer");
    refused(s.push("prod", s.ingestDev, fresh(), "application/json", null), 403, "cluster 'prod'");
    assertThat(s.assessments()).isEqualTo(before);
  }

  @Test
  void refusesABadClusterName() {
    refused(s.push("Prod_1", s.ingestProd, fresh(), "application/json", null), 400, "invalid cluster name");
  }

  @Test
  void refusesAnotherContentType() {
    refused(s.push("prod", s.ingestProd, fresh(), "text/plain", null), 415, "application/json");
  }

  @Test
  void refusesABodyThatIsNotJson() {
    refused(s.push("prod", s.ingestProd, "{\"schemaVersion\": ".getBytes(StandardCharsets.UTF_8),
        "application/json", null), 400, "not JSON");
    refused(s.push("prod", s.ingestProd, "[1, 2]".getBytes(StandardCharsets.UTF_8), "application/json", null), 400,
        "not a JSON object");
  }

  @Test
  void refusesAReportThatBreaksTheSchemaNamingTheField() {
    HttpResponse<String> r = s.push("prod", s.ingestProd, TestReports.with("schemaVersion", new TextNode("9.9")),
        "application/json", null);
    refused(r, 400, "schema");
    assertThat(r.body()).contains("schemaVersion");
  }

  @Test
  void refusesAnOversizedReport() {
    byte[] big = new byte[(int) LIMIT + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    refused(s.push("prod", s.ingestProd, big, "application/json", null), 413, "larger than");
  }

  @Test
  void stopsAGzipBombAtTheLimit() {
    byte[] expands = new byte[(int) LIMIT * 4];
    java.util.Arrays.fill(expands, (byte) ' ');
    refused(s.push("prod", s.ingestProd, TestReports.gzip(expands), "application/json", "gzip"), 413, "expands");
  }

  @Test
  void refusesABrokenGzipBody() {
    refused(s.push("prod", s.ingestProd, "not gzip at all".getBytes(StandardCharsets.UTF_8), "application/json",
        "gzip"), 400, "gzip");
    refused(s.push("prod", s.ingestProd, fresh(), "application/json", "br"), 415, "Content-Encoding");
  }

  @Test
  void aRevokedTokenPushesNothing() {
    var t = s.tokens.create(dev.kubepci.server.security.Role.INGEST, "staging", null);
    s.tokens.revoke(t.info().id());
    refused(s.push("staging", t.secret(), fresh(), "application/json", null), 401, "revoked");
  }

  /** An envelope around {@code report}, its extras ({@code extras}, JSON text) omitted when null. */
  static byte[] envelope(byte[] report, String extras) {
    String body = "{\"envelope\":\"kubepci.push/v1\",\"report\":" + new String(report, StandardCharsets.UTF_8)
        + (extras == null ? "" : ",\"extras\":" + extras) + "}";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** Extras that give the report a declared scope and the texts of its first rule. */
  static String extras(String scope) {
    String rule = TestReports.contract().get("rules").get(0).get("id").asText();
    return "{\"basis\":{\"configFile\":\"kubepci.yaml\",\"scope\":\"" + scope + "\",\"files\":[{\"role\":"
        + "\"input\",\"path\":\"manifests/app.yaml\",\"sha256\":\"" + "ab".repeat(32) + "\"}]},\"rules\":{\""
        + rule + "\":{\"rationale\":\"Why it matters.\",\"remediation\":\"How to fix it.\",\"references\":"
        + "[\"a reference\"]}}}";
  }

  private static long id(HttpResponse<String> r) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void storesTheExtrasOfAnEnvelopeAndTheReportAsItsOwnBytes() {
    byte[] report = TestReports.report(Instant.parse("2026-02-20T00:00:00Z"), 3);
    HttpResponse<String> r = s.push("dev", s.ingestDev, TestReports.gzip(envelope(report, extras("cde: ns pay"))),
        "application/json", "gzip");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = id(r);
    assertThat(s.get("/api/v1/assessments/" + id + "/report", s.viewer).body())
        .isEqualTo(new String(report, StandardCharsets.UTF_8));
    String html = s.get("/api/v1/assessments/" + id + "/report?format=html", s.viewer).body();
    assertThat(html).contains("cde: ns pay").contains("How to fix it.").doesNotContain("not recorded");
    // the same report bare: the same SHA-256, so the same assessment
    HttpResponse<String> bare = s.push("dev", s.ingestDev, report, "application/json", null);
    assertThat(bare.statusCode()).isEqualTo(200);
    assertThat(id(bare)).isEqualTo(id);
  }

  @Test
  void aReportPushedBareGainsItsExtrasWhenPushedAgainWithThem() {
    byte[] report = TestReports.report(Instant.parse("2026-02-21T00:00:00Z"), 3);
    long id = id(s.push("dev", s.ingestDev, report, "application/json", null));
    String bare = s.get("/api/v1/assessments/" + id + "/report?format=terminal", s.viewer).body();
    assertThat(bare).contains("Scope:   not recorded: the report was pushed as JSON alone");
    int before = s.assessments();
    HttpResponse<String> again = s.push("dev", s.ingestDev, envelope(report, extras("cde: ns pay")),
        "application/json", null);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(id(again)).isEqualTo(id);
    assertThat(s.assessments()).isEqualTo(before);
    assertThat(s.get("/api/v1/assessments/" + id + "/report?format=terminal", s.viewer).body())
        .contains("cde: ns pay").doesNotContain("not recorded");
  }

  @Test
  void refusesBadExtrasAndStoresNothing() {
    byte[] report = TestReports.report(Instant.parse("2026-02-22T00:00:00Z"), 2);
    String good = extras("cde: ns pay");
    refused(s.push("prod", s.ingestProd, envelope(report, good.replace("\"role\":\"input\"", "\"role\":\"x\"")),
        "application/json", null), 400, "the envelope does not follow the kubepci push schema");
    refused(s.push("prod", s.ingestProd, envelope(report, good.replace("\"basis\":{", "\"basis\":{\"extra\":1,")),
        "application/json", null), 400, "extra");
    refused(s.push("prod", s.ingestProd, envelope(report, "[1]"), "application/json", null), 400,
        "$.extras");
    refused(s.push("prod", s.ingestProd, envelope(report, "{\"rules\":{\"KPCI-9999\":{\"rationale\":\"x\"}}}"),
        "application/json", null), 400, "the extras describe rules the report does not have: KPCI-9999");
    refused(s.push("prod", s.ingestProd, envelope(report, "{\"crossReferenceFramework\":[\"a\"]}"),
        "application/json", null), 400, "crossReferenceFramework");
    refused(s.push("prod", s.ingestProd, new String(envelope(report, good), StandardCharsets.UTF_8)
        .replace("kubepci.push/v1", "kubepci.push/v9").getBytes(StandardCharsets.UTF_8), "application/json", null),
        400, "envelope");
    refused(s.push("prod", s.ingestProd, "{\"envelope\":\"kubepci.push/v1\"}".getBytes(StandardCharsets.UTF_8),
        "application/json", null), 400, "report");
    // the report inside is checked against the report schema as a bare one is
    HttpResponse<String> badReport = s.push("prod", s.ingestProd, envelope(TestReports.with("schemaVersion",
        new TextNode("9.9")), good), "application/json", null);
    refused(badReport, 400, "the report does not follow the kubepci report schema");
    // the size limit covers the envelope and its extras
    refused(s.push("prod", s.ingestProd, envelope(report, good.replace("Why it matters.", "x".repeat((int) LIMIT))),
        "application/json", null), 413, "larger than");
  }

  @Test
  void exportsEveryFormatAndRefusesAnUnknownOne() {
    long id = id(s.push("dev", s.ingestDev, envelope(TestReports.report(Instant.parse("2026-02-23T00:00:00Z"), 2),
        extras("cde: ns pay")), "application/json", null));
    for (String format : dev.kubepci.report.formats.ReportFormats.names()) {
      HttpResponse<String> r = s.get("/api/v1/assessments/" + id + "/report?format=" + format, s.viewer);
      assertThat(r.statusCode()).as(format + ": " + r.body()).isEqualTo(200);
      assertThat(r.body()).as(format).isNotEmpty();
    }
    HttpResponse<String> unknown = s.get("/api/v1/assessments/" + id + "/report?format=pdf", s.viewer);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown format 'pdf'");
  }
}
