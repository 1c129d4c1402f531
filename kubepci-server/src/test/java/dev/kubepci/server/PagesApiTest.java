package dev.kubepci.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API behind every page, and the pages themselves, over two clusters with a short history. */
class PagesApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static TestServer s;
  static long first;
  static long second;

  @BeforeAll
  static void start() {
    s = TestServer.start(1024 * 1024);
    first = id(s.push("prod", TestReports.report(Instant.parse("2026-02-27T06:00:00Z"), 2)));
    second = id(s.push("prod", TestReports.report(Instant.parse("2026-02-28T06:00:00Z"), TestReports.findings())));
    id(s.push("dev", TestReports.report(Instant.parse("2026-02-20T06:00:00Z"), 1)));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static long id(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    return json(r).get("id").asLong();
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode api(String path) {
    HttpResponse<String> r = s.get(path, s.viewer);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return json(r);
  }

  @Test
  void fleetListsEveryClusterWithItsAreasAndFlagsTheStaleOne() {
    JsonNode fleet = api("/api/v1/fleet");
    assertThat(fleet.get("clusters")).hasSize(2);
    JsonNode dev = fleet.get("clusters").get(0);
    JsonNode prod = fleet.get("clusters").get(1);
    assertThat(dev.get("cluster").asText()).isEqualTo("dev");
    assertThat(dev.get("stale").asBoolean()).as("9 days old").isTrue();
    assertThat(prod.get("stale").asBoolean()).as("30 hours old").isFalse();
    assertThat(prod.get("latestId").asLong()).isEqualTo(second);
    assertThat(prod.get("areas")).hasSize(fleet.get("areas").size());
    assertThat(fleet.get("areas").get(0).get("title").asText()).isNotBlank();
    assertThat(fleet.get("staleClusters").asInt()).isEqualTo(1);
  }

  @Test
  void trendListsAssessmentsOldestFirstWithCounts() {
    JsonNode trend = api("/api/v1/clusters/prod/trend");
    assertThat(trend.get("points")).hasSize(2);
    assertThat(trend.get("points").get(0).get("id").asLong()).isEqualTo(first);
    assertThat(trend.get("points").get(1).get("failing").get("CRITICAL")).isNotNull();
    assertThat(trend.has("failingChart")).as("the SVG is the page's, not the API's").isFalse();
    assertThat(s.get("/api/v1/clusters/nosuch/trend", s.viewer).statusCode()).isEqualTo(404);
    assertThat(s.get("/api/v1/clusters/BAD_NAME/trend", s.viewer).statusCode()).isEqualTo(400);
    assertThat(s.get("/api/v1/clusters/prod/trend?limit=0", s.viewer).statusCode()).isEqualTo(400);
  }

  @Test
  void assessmentHasItsAreasPracticesAndPrevious() {
    JsonNode a = api("/api/v1/assessments/" + second);
    assertThat(a.get("assessment").get("cluster").asText()).isEqualTo("prod");
    assertThat(a.get("previousId").asLong()).isEqualTo(first);
    assertThat(a.get("areas").get(0).get("practices").get(0).get("title").asText()).isNotBlank();
    assertThat(s.get("/api/v1/assessments/999999", s.viewer).statusCode()).isEqualTo(404);
    assertThat(s.get("/api/v1/assessments/abc", s.viewer).statusCode()).isEqualTo(400);
  }

  @Test
  void findingsFilterAndPaginate() {
    JsonNode all = api("/api/v1/assessments/" + second + "/findings");
    assertThat(all.get("total").asInt()).isEqualTo(TestReports.findings());
    JsonNode critical = api("/api/v1/assessments/" + second + "/findings?severity=critical&status=FAIL");
    assertThat(critical.get("findings")).allSatisfy(f -> {
      assertThat(f.get("severity").asText()).isEqualTo("CRITICAL");
      assertThat(f.get("status").asText()).isEqualTo("FAIL");
    });
    assertThat(critical.get("total").asInt()).isLessThan(all.get("total").asInt()).isPositive();
    JsonNode byText = api("/api/v1/assessments/" + second + "/findings?q=privileged");
    assertThat(byText.get("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.toString().toLowerCase())
        .contains("privileged"));
    JsonNode none = api("/api/v1/assessments/" + second + "/findings?namespace=no-such-namespace");
    assertThat(none.get("total").asInt()).isZero();
    assertThat(api("/api/v1/assessments/" + second + "/findings?page=2").get("findings")).isEmpty();
    for (String bad : new String[] {"severity=urgent", "status=PASS", "scope=galaxy", "practice=x.y", "page=0",
        "page=abc", "q=" + "x".repeat(201)}) {
      HttpResponse<String> r = s.get("/api/v1/assessments/" + second + "/findings?" + bad, s.viewer);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).contains("\"error\"");
    }
  }

  @Test
  void compareNamesNewAndFixedFindings() {
    JsonNode d = api("/api/v1/compare?from=" + first + "&to=" + second);
    assertThat(d.get("diff").get("summary").get("added").asInt()).isEqualTo(TestReports.findings() - 2);
    assertThat(d.get("diff").get("summary").get("fixed").asInt()).isZero();
    JsonNode back = api("/api/v1/compare?from=" + second + "&to=" + first);
    assertThat(back.get("diff").get("summary").get("fixed").asInt()).isEqualTo(TestReports.findings() - 2);
    assertThat(s.get("/api/v1/compare?from=" + first, s.viewer).statusCode()).isEqualTo(400);
    assertThat(s.get("/api/v1/compare?from=" + first + "&to=999999", s.viewer).statusCode()).isEqualTo(404);
  }

  @Test
  void waiversListDeclaredWaiversAndAttestationsByExpiry() {
    JsonNode w = api("/api/v1/waivers");
    JsonNode soon = w.get("endingSoon");
    JsonNode later = w.get("later");
    JsonNode ended = w.get("ended");
    assertThat(soon.size() + later.size() + ended.size()).isPositive();
    assertThat(w.toString()).contains("RISK-42").contains("ATTESTATION");
  }

  @Test
  void exportsTheReportByteForByte() {
    HttpResponse<String> r = s.get("/api/v1/assessments/" + second + "/report", s.viewer);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(new String(TestReports.report(Instant.parse("2026-02-28T06:00:00Z"),
        TestReports.findings()), java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> csv = s.get("/assessments/" + second + "/findings.csv?severity=CRITICAL", s.viewer);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).startsWith("rule,name,severity").contains("CRITICAL").doesNotContain(",HIGH,");
  }

  @Test
  void metricsInThePrometheusTextFormat() {
    HttpResponse<String> r = s.get("/metrics", s.viewer);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
    assertThat(r.body())
        .contains("# TYPE kubepci_practice_status gauge")
        .containsPattern("kubepci_practice_status\\{cluster=\"prod\",practice=\"[0-9.]+\",area=\"[0-9]+\","
            + "status=\"FAIL\"} [01]")
        .contains("kubepci_failing_findings{cluster=\"prod\",severity=\"CRITICAL\"}")
        .contains("kubepci_last_assessment_timestamp_seconds{cluster=\"dev\"} "
            + Instant.parse("2026-02-20T06:00:00Z").getEpochSecond());
    assertThat(s.get("/metrics", null).statusCode()).isEqualTo(401);
    assertThat(s.get("/metrics", s.ingestProd).statusCode()).isEqualTo(403);
  }

  @Test
  void pagesEscapeWhatReportsSay() {
    HttpResponse<String> r = s.get("/assessments/" + second + "/findings", s.viewer);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("&lt;all&gt;").doesNotContain("<all>");
    for (String page : new String[] {"/fleet", "/clusters/prod", "/assessments/" + second, "/waivers",
        "/compare?from=" + first + "&to=" + second}) {
      HttpResponse<String> p = s.get(page, s.viewer);
      assertThat(p.statusCode()).as(page + ": " + p.body()).isEqualTo(200);
      assertThat(p.body()).as(page).doesNotContain("<script").doesNotContain(" style=\"");
    }
  }

  @Test
  void viewersCannotReachAdminRoutes() {
    assertThat(s.get("/api/v1/tokens", s.viewer).statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/audit", s.viewer).statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/tokens", s.admin).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/fleet", s.ingestProd).statusCode()).isEqualTo(403);
  }
}
