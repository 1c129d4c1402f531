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
}
