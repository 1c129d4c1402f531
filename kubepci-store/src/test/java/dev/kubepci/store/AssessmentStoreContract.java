package dev.kubepci.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.Provenance;
import dev.kubepci.report.Reporter;
import dev.kubepci.report.ReportFixture;
import dev.kubepci.report.csv.CsvReporter;
import dev.kubepci.report.html.HtmlReporter;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.report.junit.JUnitReporter;
import dev.kubepci.report.markdown.MarkdownReporter;
import dev.kubepci.report.sarif.SarifReporter;
import dev.kubepci.report.terminal.TerminalReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store does, whatever its database: {@code H2StoreTest} and {@code PostgresStoreTest} run it.
 */
abstract class AssessmentStoreContract {
  static final Instant STORED = Instant.parse("2026-02-01T00:00:00Z");
  AssessmentStore store;

  /** A fresh, empty store. */
  abstract StoreLocation newLocation() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = AssessmentStore.open(newLocation());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static byte[] json(AssessmentReport report) throws IOException {
    return render(new JsonReporter(), report);
  }

  static byte[] render(Reporter reporter, AssessmentReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(report, out);
    return out.toByteArray();
  }

  /** The sample report as a live scan of the cluster would give it on day {@code day}, its findings collected then. */
  static AssessmentReport day(AssessmentReport base, int day) {
    Instant at = ReportFixture.GENERATED.plus(Duration.ofDays(day));
    List<Finding> findings = base.findings().stream().map(f -> f.source() instanceof Provenance.ClusterSource c
        ? f.withSource(Provenance.ofCluster(c.cluster(), at.minusSeconds(60))) : f).toList();
    return new AssessmentReport(base.toolName(), base.toolVersion(), base.frameworkId(), base.frameworkVersion(),
        base.frameworkTitle(), at, base.inputs(), base.cluster(), base.objects(), base.areas(), base.rules(), findings,
        base.errors(), base.waivers(), base.ruleErrors(), base.skipped(), base.basis(), base.crossReference());
  }

  long count(String table) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void exportsTheJsonReportByteForByte() throws IOException {
    byte[] original = json(ReportFixture.sample());
    Recorded r = store.record("prod-eu", original, null, STORED);

    assertThat(r.created()).isTrue();
    assertThat(r.assessment().reportSha256()).isEqualTo(ReportCodec.sha256(original));
    assertThat(ReportCodec.sha256(store.exportJson(r.assessment().id()))).isEqualTo(ReportCodec.sha256(original));
  }

  @Test
  void writesEveryFormatAsTheScanDidWhenRecordedWithItsExtras() throws IOException {
    AssessmentReport original = ReportFixture.sample();
    long id = store.record("prod-eu", json(original), ReportExtras.of(original), STORED).assessment().id();
    AssessmentReport loaded = store.loadReport(id);

    for (Reporter reporter : List.of(new JsonReporter(), new TerminalReporter(TerminalReporter.Options.DETAILS),
        new SarifReporter(), new HtmlReporter(), new JUnitReporter(), new MarkdownReporter(), new CsvReporter())) {
      assertThat(new String(render(reporter, loaded), StandardCharsets.UTF_8)).as(reporter.format())
          .isEqualTo(new String(render(reporter, original), StandardCharsets.UTF_8));
    }
  }

  private static final List<Reporter> OTHER_FORMATS = List.of(new TerminalReporter(TerminalReporter.Options.DETAILS),
      new SarifReporter(), new HtmlReporter(), new JUnitReporter(), new MarkdownReporter(), new CsvReporter(),
      new dev.kubepci.report.oscal.OscalReporter());

  @Test
  void aReportRecordedWithoutItsExtrasSaysWhatIsMissingWhereAFormatWouldShowIt() throws IOException {
    AssessmentReport original = ReportFixture.sample();
    long id = store.record("prod-eu", json(original), null, STORED).assessment().id();
    AssessmentReport loaded = store.loadReport(id);

    assertThat(render(new JsonReporter(), loaded)).isEqualTo(json(original));
    for (Reporter reporter : OTHER_FORMATS) {
      String bare = new String(render(reporter, loaded), StandardCharsets.UTF_8);
      if (!bare.equals(new String(render(reporter, original), StandardCharsets.UTF_8))) {
        // (the terminal report wraps the sentence)
        assertThat(bare).as(reporter.format()).contains("not recorded: the report was pushed as JSON alone");
      }
    }
    // the basis is not "none declared" (it was not recorded), and the rules' texts are not silently left out
    String html = new String(render(new HtmlReporter(), loaded), StandardCharsets.UTF_8);
    assertThat(html).contains("CDE scope</dt><dd>" + AssessmentStore.NOT_RECORDED).doesNotContain("not declared");
    assertThat(new String(render(new SarifReporter(), loaded), StandardCharsets.UTF_8))
        .contains(AssessmentStore.NOT_RECORDED);
  }

  @Test
  void aReportRecordedAgainWithItsExtrasGainsThem() throws Exception {
    AssessmentReport original = ReportFixture.sample();
    Recorded bare = store.record("prod-eu", json(original), null, STORED);
    Recorded again = store.record("prod-eu", json(original), ReportExtras.of(original), STORED.plusSeconds(5));
    Recorded other = store.record("prod-eu", json(original), new ReportExtras(
        dev.kubepci.result.AssessmentBasis.NONE, java.util.Map.of(), null), STORED.plusSeconds(9));

    assertThat(again.created()).isFalse();
    assertThat(again.assessment().id()).isEqualTo(bare.assessment().id());
    assertThat(count("assessment")).isEqualTo(1);
    // the first extras stay: a report is one assessment whatever was sent with it later
    assertThat(other.created()).isFalse();
    assertThat(store.extras(bare.assessment().id())).isEqualTo(ReportExtras.of(original));
    AssessmentReport loaded = store.loadReport(bare.assessment().id());
    for (Reporter reporter : OTHER_FORMATS) {
      assertThat(new String(render(reporter, loaded), StandardCharsets.UTF_8)).as(reporter.format())
          .isEqualTo(new String(render(reporter, original), StandardCharsets.UTF_8));
    }
  }

  @Test
  void recordsAReportOnceWhateverTheNumberOfTimesItIsGiven() throws IOException {
    byte[] original = json(ReportFixture.sample());
    Recorded first = store.record("prod-eu", original, null, STORED);
    Recorded again = store.record("prod-eu", original, null, STORED.plusSeconds(5));

    assertThat(again.created()).isFalse();
    assertThat(again.assessment().id()).isEqualTo(first.assessment().id());
    assertThat(store.assessments(null, 10)).hasSize(1);
  }

  @Test
  void keepsAnUnchangedFindingAsOneRowAcrossDailyScans() throws Exception {
    AssessmentReport base = ReportFixture.sample();
    List<byte[]> reports = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int d = 0; d < 30; d++) {
      reports.add(json(day(base, d)));
      ids.add(store.record("prod-eu", reports.get(d), null, STORED).assessment().id());
    }

    assertThat(count("assessment")).isEqualTo(30);
    assertThat(count("finding_version")).isEqualTo(base.findings().size());
    assertThat(count("finding_span")).isEqualTo(base.findings().size());
    for (int d = 0; d < 30; d += 7) {
      assertThat(store.exportJson(ids.get(d))).isEqualTo(reports.get(d));
    }
    FindingPage page = store.findings(ids.get(29), FindingFilter.ALL, 0, 10);
    assertThat(page.findings()).allSatisfy(f -> {
      assertThat(f.firstSeen()).isEqualTo(ReportFixture.GENERATED);
      assertThat(f.lastSeen()).isEqualTo(ReportFixture.GENERATED.plus(Duration.ofDays(29)));
    });
  }

  @Test
  void startsANewVersionWhenAFindingChangesAndClosesTheOldOne() throws Exception {
    AssessmentReport base = ReportFixture.sample();
    AssessmentReport fixed = withoutFinding(day(base, 1), "KPCI-0004");
    AssessmentReport changed = changeObserved(day(base, 2), "KPCI-0001", "false-ish");
    byte[] r0 = json(day(base, 0));
    byte[] r1 = json(fixed);
    byte[] r2 = json(changed);
    long a0 = store.record("prod-eu", r0, null, STORED).assessment().id();
    long a1 = store.record("prod-eu", r1, null, STORED).assessment().id();
    long a2 = store.record("prod-eu", r2, null, STORED).assessment().id();

    // 4 findings, KPCI-0004 gone on day 1 and back on day 2, KPCI-0001 changed on day 2
    assertThat(count("finding_version")).isEqualTo(5);
    assertThat(count("finding_span")).isEqualTo(6);
    assertThat(store.exportJson(a0)).isEqualTo(r0);
    assertThat(store.exportJson(a1)).isEqualTo(r1);
    assertThat(store.exportJson(a2)).isEqualTo(r2);
    assertThat(store.findings(a1, FindingFilter.ALL, 0, 10).total()).isEqualTo(3);
  }

  static AssessmentReport withoutFinding(AssessmentReport r, String rule) {
    return r.withFindings(r.findings().stream().filter(f -> !f.rule().equals(rule)).toList());
  }

  static AssessmentReport changeObserved(AssessmentReport r, String rule, String observed) {
    return r.withFindings(r.findings().stream().map(f -> !f.rule().equals(rule) ? f
        : new Finding(f.rule(), f.name(), f.requirements(), f.severity(), f.status(), f.resource(), f.source(),
            f.scope(), f.path(), observed, f.message(), f.remediation(), f.waiver())).toList());
  }

  @Test
  void filtersAndPagesFindingsInReportOrder() throws IOException {
    long id = store.record("prod-eu", json(ReportFixture.sample()), null, STORED).assessment().id();

    assertThat(store.findings(id, FindingFilter.ALL, 0, 2).findings()).extracting(f -> f.finding().rule())
        .containsExactly("KPCI-0001", "KPCI-0002");
    assertThat(store.findings(id, FindingFilter.ALL, 2, 2).findings()).extracting(f -> f.finding().rule())
        .containsExactly("KPCI-0003", "KPCI-0004");
    assertThat(store.findings(id, FindingFilter.ALL, 0, 2).total()).isEqualTo(4);
    assertThat(rules(id, new FindingFilter(Set.of("WAIVED"), null, null, null, null, null, null)))
        .containsExactly("KPCI-0003");
    assertThat(rules(id, new FindingFilter(null, Set.of("CRITICAL", "LOW"), null, null, null, null, null)))
        .containsExactly("KPCI-0001", "KPCI-0004");
    assertThat(rules(id, new FindingFilter(null, null, "shared", null, null, null, null)))
        .containsExactly("KPCI-0002", "KPCI-0004");
    assertThat(rules(id, new FindingFilter(null, null, null, "payments", null, null, null)))
        .containsExactly("KPCI-0001");
    assertThat(rules(id, new FindingFilter(null, null, null, null, "host-namespaces", null, null)))
        .containsExactly("KPCI-0003");
    assertThat(rules(id, new FindingFilter(null, null, null, null, null, "3.2", null)))
        .containsExactly("KPCI-0002");
    assertThat(rules(id, new FindingFilter(null, null, null, null, null, null, "PID NAMESPACE")))
        .containsExactly("KPCI-0003");
    assertThat(rules(id, new FindingFilter(null, null, null, null, null, null, "100%_")))
        .isEmpty();
  }

  private List<String> rules(long id, FindingFilter filter) {
    return store.findings(id, filter, 0, 100).findings().stream().map(f -> f.finding().rule()).toList();
  }

  @Test
  void listsAssessmentsNewestFirstWithTheirCountsAndClustersWithTheirLatest() throws IOException {
    AssessmentReport base = ReportFixture.sample();
    store.record("prod-eu", json(day(base, 0)), null, STORED);
    store.record("prod-eu", json(withoutFinding(day(base, 1), "KPCI-0001")), null, STORED);
    store.record("staging", json(day(base, 2)), null, STORED);

    List<AssessmentSummary> prod = store.assessments("prod-eu", 10);
    assertThat(prod).extracting(AssessmentSummary::seq).containsExactly(2, 1);
    assertThat(prod.get(0).failing()).containsEntry("CRITICAL", 0).containsEntry("HIGH", 1).containsEntry("LOW", 1);
    assertThat(prod.get(1).failing()).containsEntry("CRITICAL", 1);
    assertThat(prod.get(1).practices()).containsEntry("FAIL", 2).containsEntry("MANUAL", 1);
    assertThat(prod.get(1).inputs()).containsExactly("manifests/", "https://10.0.0.1:6443");
    assertThat(prod.get(1).toolVersion()).isEqualTo("1.2.3");
    assertThat(store.assessments(null, 10)).extracting(AssessmentSummary::cluster)
        .containsExactly("staging", "prod-eu", "prod-eu");
    assertThat(store.clusters()).extracting(c -> c.name() + " " + c.assessments() + " " + c.latest().seq())
        .containsExactly("prod-eu 2 2", "staging 1 1");
  }

  @Test
  void keepsPracticeVerdictsPerAssessment() throws IOException {
    long id = store.record("prod-eu", json(ReportFixture.sample()), null, STORED).assessment().id();

    assertThat(store.verdicts(id)).extracting(v -> v.id() + "=" + v.status()).containsExactly(
        "1=FAIL", "2=NOT_ASSESSED", "3=FAIL", "1.1=FAIL", "1.2=MANUAL", "2.1=WAIVED", "2.2=PASS",
        "2.3=NOT_ASSESSED", "3.1=NOT_APPLICABLE", "3.2=FAIL");
  }

  @Test
  void givesEveryClustersLatestVerdictsAtOnce() throws IOException {
    AssessmentReport base = ReportFixture.sample();
    long first = store.record("prod-eu", json(day(base, 0)), null, STORED).assessment().id();
    long latest = store.record("prod-eu", json(day(base, 1)), null, STORED).assessment().id();
    long staging = store.record("staging", json(day(base, 0)), null, STORED).assessment().id();

    assertThat(store.latestVerdicts()).containsOnlyKeys("prod-eu", "staging")
        .containsEntry("prod-eu", store.verdicts(latest)).containsEntry("staging", store.verdicts(staging));
    assertThat(store.verdicts(first)).isEqualTo(store.verdicts(latest));
  }

  @Test
  void storesNothingOfAReportThatIsNotOne() throws Exception {
    assertThatThrownBy(() -> store.record("prod-eu", "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), null, STORED))
        .isInstanceOf(StoreException.BadReport.class);
    assertThatThrownBy(() -> store.record("prod-eu", "not json".getBytes(StandardCharsets.UTF_8), null, STORED))
        .isInstanceOf(StoreException.BadReport.class);
    assertThat(count("assessment")).isZero();
    assertThat(count("store_cluster")).isZero();
    assertThat(count("report_part")).isZero();
  }

  @Test
  void namesAnUnknownId() {
    assertThatThrownBy(() -> store.exportJson(4711)).isInstanceOf(StoreException.UnknownAssessment.class)
        .hasMessage("no stored assessment has the id 4711 (kubepci history lists them)");
    assertThat(store.assessment(4711)).isEmpty();
  }

  @Test
  void keepsAReportItCannotRebuildVerbatim() throws IOException {
    byte[] compact = "{\"schemaVersion\":\"1.0\",\"tool\":{\"name\":\"kubepci\",\"version\":\"0.9\"},\"framework\":{\"id\":\"f\",\"version\":\"1\",\"title\":\"t\"},\"generatedAt\":\"2026-01-01T00:00:00Z\",\"inputs\":[],\"objects\":0,\"summary\":{\"requirements\":{},\"findings\":{},\"rules\":{},\"errors\":0,\"ruleErrors\":0,\"waived\":0,\"attested\":0,\"open\":[]},\"areas\":[],\"requirements\":[],\"rules\":[],\"findings\":[]}"
        .getBytes(StandardCharsets.UTF_8);
    long id = store.record("old", compact, null, STORED).assessment().id();

    assertThat(store.exportJson(id)).isEqualTo(compact);
  }

  @Test
  void keepsAReportWhoseFindingsAreNotInReportOrderVerbatim() throws IOException {
    AssessmentReport sample = ReportFixture.sample();
    List<Finding> reversed = new ArrayList<>(sample.findings());
    java.util.Collections.reverse(reversed);
    byte[] original = json(sample.withFindings(reversed));
    long id = store.record("prod-eu", original, null, STORED).assessment().id();

    assertThat(store.exportJson(id)).isEqualTo(original);
  }

  @Test
  void waivedFindingsKeepTheirStatus() throws IOException {
    long id = store.record("prod-eu", json(ReportFixture.sample()), null, STORED).assessment().id();
    assertThat(store.findings(id, FindingFilter.ALL, 0, 10).findings())
        .filteredOn(f -> f.finding().status().equals(Status.WAIVED.name())).hasSize(1);
  }

  /** The sample report grown to 42 practices (copies of its own, renumbered), as JSON the way kubepci writes it. */
  static com.fasterxml.jackson.databind.node.ObjectNode fortyTwoPractices() throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode tree = ReportCodec.parse(json(ReportFixture.sample()));
    com.fasterxml.jackson.databind.node.ArrayNode base = (com.fasterxml.jackson.databind.node.ArrayNode)
        tree.get("requirements");
    com.fasterxml.jackson.databind.node.ArrayNode grown = tree.putArray("requirements");
    for (int i = 0; i < 42; i++) {
      com.fasterxml.jackson.databind.node.ObjectNode q = base.get(i % base.size()).deepCopy();
      q.put("id", q.get("area").asText() + "." + (i + 1));
      grown.add(q);
    }
    return tree;
  }

  long partBytes() throws SQLException {
    long bytes = 0;
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT body FROM report_part")) {
      while (rs.next()) {
        bytes += rs.getBytes(1).length;
      }
    }
    return bytes;
  }

  @Test
  void storageGrowsWithTheChangedPracticesNotWithWholePracticeArrays() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode tree = fortyTwoPractices();
    com.fasterxml.jackson.databind.node.ArrayNode practices = (com.fasterxml.jackson.databind.node.ArrayNode)
        tree.get("requirements");
    Instant at = ReportFixture.GENERATED;
    List<Long> ids = new ArrayList<>();
    List<byte[]> reports = new ArrayList<>();
    byte[] first = ReportCodec.write(tree);
    ids.add(store.record("prod-eu", first, null, STORED).assessment().id());
    reports.add(first);
    long parts = count("report_part");
    long bytes = partBytes();
    int steps = 12;
    for (int step = 1; step <= steps; step++) {
      // each day two practices' finding counts change; every third day none does (only the scan time)
      int changed = step % 3 == 0 ? 0 : 2;
      long expectedBytes = 0;
      for (int k = 0; k < changed; k++) {
        com.fasterxml.jackson.databind.node.ObjectNode q =
            (com.fasterxml.jackson.databind.node.ObjectNode) practices.get((step * 5 + k * 17) % 42);
        q.put("findings", q.get("findings").asInt() + step);
        expectedBytes += ReportCodec.gzip(ReportCodec.compact(q)).length;
      }
      if (changed > 0) { // the list naming the 42 practices' parts in order
        com.fasterxml.jackson.databind.node.ArrayNode list =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        practices.forEach(q -> list.add(ReportCodec.sha256(ReportCodec.compact(q))));
        expectedBytes += ReportCodec.gzip(ReportCodec.compact(list)).length;
      }
      tree.put("generatedAt", at.plus(Duration.ofDays(step)).toString());
      byte[] report = ReportCodec.write(tree);
      ids.add(store.record("prod-eu", report, null, STORED).assessment().id());
      reports.add(report);

      long newParts = count("report_part") - parts;
      long newBytes = partBytes() - bytes;
      // the two changed practices and the list that orders the 42, never the whole array; nothing on a day
      // without a change
      assertThat(newParts).as("parts added on day %d", step).isEqualTo(changed == 0 ? 0 : changed + 1);
      assertThat(newBytes).as("bytes added on day %d", step).isEqualTo(expectedBytes);
      parts += newParts;
      bytes += newBytes;
    }
    assertThat(count("assessment")).isEqualTo(steps + 1);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(ReportCodec.sha256(store.exportJson(ids.get(i)))).isEqualTo(ReportCodec.sha256(reports.get(i)));
    }
  }

  @Test
  void readsAssessmentsStoredWithTheirPracticesAsOnePart() throws Exception {
    // what a store written before practices were stored one by one holds: the whole array as one part
    byte[] original = ReportCodec.write(fortyTwoPractices());
    long id = store.record("prod-eu", original, null, STORED).assessment().id();
    byte[] whole = ReportCodec.compact(ReportCodec.parse(original).get("requirements"));
    String sha = ReportCodec.sha256(whole);
    try (Connection c = store.dataSource().getConnection()) {
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO report_part (sha256, body) VALUES (?, ?)")) {
        ps.setString(1, sha);
        ps.setBytes(2, ReportCodec.gzip(whole));
        ps.executeUpdate();
      }
      com.fasterxml.jackson.databind.node.ObjectNode skeleton;
      try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT skeleton FROM assessment WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          skeleton = ReportCodec.parse(rs.getString(1).getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat(skeleton.at("/fields/requirements").has("$list")).isTrue();
      ((com.fasterxml.jackson.databind.node.ObjectNode) skeleton.get("fields")).putObject("requirements")
          .put("$part", sha);
      try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE assessment SET skeleton = ? WHERE id = ?")) {
        ps.setString(1, new String(ReportCodec.compact(skeleton), StandardCharsets.UTF_8));
        ps.setLong(2, id);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
    }
    try (AssessmentStore reopened = AssessmentStore.open(store.location())) {
      assertThat(ReportCodec.sha256(reopened.exportJson(id))).isEqualTo(ReportCodec.sha256(original));
      assertThat(reopened.loadJson(id).requirements()).hasSize(42);
    }
  }
}
