package dev.kubepci.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kubepci.report.diff.ReportDiff;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.result.AssessmentReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The assessment history: records JSON reports per cluster, lists them, exports them again byte for byte, and
 * answers the questions of the findings pages. See the package documentation for the contract.
 *
 * <p>Thread-safe; one instance per process and database. Several processes may share one PostgreSQL database:
 * recording locks the cluster's row, so assessments of one cluster get consecutive sequence numbers whoever records
 * them.
 */
public final class AssessmentStore implements AutoCloseable {
  /** Where the store's migrations live; a module that adds tables keeps its own location with versions >= 100. */
  public static final String MIGRATIONS = "classpath:db/kubepci-store";
  private static final int IN_LIST = 500;
  /** What the other formats of an assessment recorded without its {@link ReportExtras} show in their place. */
  public static final String NOT_RECORDED = ReportRebuilder.NOT_RECORDED;
  /** The skeleton's field naming the part that holds the assessment's {@link ReportExtras}. */
  private static final String EXTRAS = "extras";

  private final StoreLocation location;
  private final HikariDataSource pool;
  /** Report parts last read, by SHA-256: bounded (least recently used first out), as a server reads many. */
  private final Map<String, JsonNode> partCache = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
          return size() > PART_CACHE_SIZE;
        }
      });
  private static final int PART_CACHE_SIZE = 4096;

  private AssessmentStore(StoreLocation location, HikariDataSource pool) {
    this.location = location;
    this.pool = pool;
  }

  /** Opens (and creates or migrates) the store at {@code location}. */
  public static AssessmentStore open(StoreLocation location) {
    return open(location, List.of());
  }

  /**
   * Opens the store, migrating it with the store's migrations and those in {@code extraMigrations} (Flyway
   * locations such as {@code classpath:db/kubepci-server}; their versions must not collide with the store's, which
   * stay below 100).
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static AssessmentStore open(StoreLocation location, List<String> extraMigrations) {
    if (location.kind() == StoreLocation.Kind.H2 && location.jdbcUrl().startsWith("jdbc:h2:file:")) {
      java.nio.file.Path dir = java.nio.file.Path.of(location.jdbcUrl().substring("jdbc:h2:file:".length())
          .split(";", 2)[0]).getParent();
      try {
        if (dir != null && !Files.isDirectory(dir)) {
          Files.createDirectories(dir);
        }
      } catch (IOException e) {
        throw new StoreException("cannot create the store's directory " + dir + ": " + e.getMessage(), e);
      }
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("kubepci-store");
    config.setJdbcUrl(location.jdbcUrl());
    if (location.kind() == StoreLocation.Kind.H2) {
      config.setDriverClassName("org.h2.Driver");
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setDriverClassName("org.postgresql.Driver");
      if (location.password() != null) {
        config.setPassword(location.password());
      }
    }
    config.setMaximumPoolSize(location.kind() == StoreLocation.Kind.H2 ? 4 : 8);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(5_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      String why = rootMessage(e);
      if (location.kind() == StoreLocation.Kind.H2 && why.contains("already in use")) {
        why += " (the embedded store serves one process at a time: is kubepci serve running on it?)";
      }
      throw new StoreException("cannot connect to the store " + location.display() + ": " + why, e);
    }
    try {
      List<String> locations = new ArrayList<>(List.of(MIGRATIONS));
      locations.addAll(extraMigrations);
      Flyway.configure(AssessmentStore.class.getClassLoader())
          .dataSource(pool)
          .locations(locations.toArray(String[]::new))
          .table("kubepci_schema_history")
          .baselineOnMigrate(false)
          .load()
          .migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException("cannot prepare the store " + location.display() + ": " + rootMessage(e), e);
    }
    return new AssessmentStore(location, pool);
  }

  public StoreLocation location() {
    return location;
  }

  /** The pool, for a module that keeps its own tables in the same database. */
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }

  /**
   * The name an assessment of {@code report} is recorded under when none is given: the cluster's name, else its API
   * server, else the inputs.
   */
  public static String clusterNameOf(JsonReport report) {
    if (report.cluster() != null && report.cluster().name() != null && !report.cluster().name().isBlank()) {
      return report.cluster().name();
    }
    if (report.cluster() != null && report.cluster().server() != null) {
      return report.cluster().server();
    }
    String inputs = report.inputs() == null || report.inputs().isEmpty() ? "unnamed" : String.join(" ", report.inputs());
    return inputs.length() > 200 ? inputs.substring(0, 200) : inputs;
  }

  /**
   * Records the JSON report {@code json} as the next assessment of {@code cluster} (null: {@link #clusterNameOf}).
   * Idempotent: a report whose SHA-256 the cluster already has is not stored again.
   *
   * @param extras what the JSON report lacks for the other formats, null when not known (a pushed report)
   * @throws StoreException.BadReport when {@code json} is not a kubepci JSON report; nothing is stored then
   */
  public Recorded record(String cluster, byte[] json, ReportExtras extras, Instant storedAt) {
    ObjectNode tree;
    JsonReport report;
    try {
      tree = ReportCodec.parse(json);
      report = ReportCodec.shell(tree);
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException.BadReport(e.getMessage());
    }
    if (report.generatedAt() == null || report.tool() == null || report.framework() == null
        || report.summary() == null || report.requirements() == null || report.areas() == null) {
      throw new StoreException.BadReport("the report lacks generatedAt, tool, framework, summary, areas or "
          + "requirements: not a kubepci JSON report");
    }
    Instant generatedAt;
    try {
      generatedAt = Instant.parse(report.generatedAt());
    } catch (DateTimeParseException e) {
      throw new StoreException.BadReport("generatedAt '" + report.generatedAt() + "' is not an ISO-8601 instant");
    }
    String name = cluster == null || cluster.isBlank() ? clusterNameOf(report) : cluster;
    if (name.length() > 253) {
      throw new StoreException.BadReport("cluster name longer than 253 characters");
    }
    String reportSha = ReportCodec.sha256(json);
    ReportCodec.Split split = ReportCodec.split(tree);
    Map<String, byte[]> parts = new LinkedHashMap<>(split.parts());
    ObjectNode skeleton = split.skeleton();
    if (extras != null) {
      byte[] e = ReportCodec.compact(ReportCodec.COMPACT.valueToTree(extras));
      String sha = ReportCodec.sha256(e);
      parts.put(sha, e);
      skeleton.put(EXTRAS, sha);
    }
    String verbatim = null;
    if (!ReportCodec.rebuildsExactly(tree, split, json)) {
      verbatim = reportSha;
      parts.put(reportSha, json);
    }
    try (Connection c = pool.getConnection()) {
      storeParts(c, parts, split.members());
      Map<String, Long> versions = storeVersions(c, split.findings());
      c.setAutoCommit(false);
      try {
        Recorded r = insertAssessment(c, name, report, reportSha, json.length, generatedAt, storedAt, skeleton,
            verbatim, split.findings(), versions, split.findings().size());
        c.commit();
        return r;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("record the assessment", e);
    }
  }

  private Recorded insertAssessment(Connection c, String name, JsonReport report, String reportSha, long size,
      Instant generatedAt, Instant storedAt, ObjectNode skeleton, String verbatim,
      List<ReportCodec.FindingBody> findings, Map<String, Long> versions, int findingCount) throws SQLException {
    long clusterId = lockCluster(c, name, storedAt);
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM assessment WHERE cluster_id = ? AND report_sha256 = ?")) {
      ps.setLong(1, clusterId);
      ps.setString(2, reportSha);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          if (skeleton.has(EXTRAS)) {
            addExtras(c, id, skeleton.get(EXTRAS).asText());
          }
          return new Recorded(summary(c, id).orElseThrow(), false);
        }
      }
    }
    int head;
    Instant headTime = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT head_seq FROM store_cluster WHERE id = ?")) {
      ps.setLong(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        head = rs.getInt(1);
      }
    }
    if (head > 0) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT generated_at FROM assessment WHERE cluster_id = ? AND seq = ?")) {
        ps.setLong(1, clusterId);
        ps.setInt(2, head);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          headTime = instant(rs, 1);
        }
      }
    }
    int seq = head + 1;
    updateFindingSpans(c, clusterId, head, seq, headTime, generatedAt, findings, versions);
    updateVerdictSpans(c, clusterId, head, seq, report);
    insertRow(c, clusterId, seq, report, reportSha, size, generatedAt, storedAt, skeleton, verbatim, findingCount);
    try (PreparedStatement ps = c.prepareStatement("UPDATE store_cluster SET head_seq = ? WHERE id = ?")) {
      ps.setInt(1, seq);
      ps.setLong(2, clusterId);
      ps.executeUpdate();
    }
    long id;
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM assessment WHERE cluster_id = ? AND seq = ?")) {
      ps.setLong(1, clusterId);
      ps.setInt(2, seq);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    return new Recorded(summary(c, id).orElseThrow(), true);
  }

  /** The cluster's id, its row locked until the transaction ends; created when new. */
  private static long lockCluster(Connection c, String name, Instant now) throws SQLException {
    for (int attempt = 0; attempt < 2; attempt++) {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM store_cluster WHERE name = ? FOR UPDATE")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return rs.getLong(1);
          }
        }
      }
      // a replica that inserts the same new cluster at the same time makes this insert fail; the retry then finds
      // (and locks) its row
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO store_cluster (name, head_seq, created_at) VALUES (?, 0, ?)")) {
        ps.setString(1, name);
        ps.setObject(2, odt(now));
        ps.executeUpdate();
      } catch (SQLException e) {
        if (!isUniqueViolation(e) || attempt > 0) {
          throw e;
        }
        c.rollback();
      }
    }
    throw new SQLException("cluster " + name + " could be neither created nor found");
  }

  private static void updateFindingSpans(Connection c, long clusterId, int head, int seq, Instant headTime,
      Instant generatedAt, List<ReportCodec.FindingBody> findings, Map<String, Long> versions) throws SQLException {
    Map<Long, Integer> now = new LinkedHashMap<>();
    for (ReportCodec.FindingBody f : findings) {
      now.merge(versions.get(f.sha256()), 1, Integer::sum);
    }
    List<Long> close = changedSpans(c, clusterId, "SELECT id, version_id, copies FROM finding_span",
        now, rs -> rs.getLong(2), (rs, copies) -> copies == rs.getInt(3));
    closeSpans(c, "finding_span SET last_seen = ?, ", close, head, headTime);
    openSpans(c, "INSERT INTO finding_span (cluster_id, version_id, copies, first_seq, last_seq, first_seen, "
        + "last_seen) VALUES (?, ?, ?, ?, NULL, ?, NULL)", now, (ps, version, copies) -> {
          ps.setLong(1, clusterId);
          ps.setLong(2, version);
          ps.setInt(3, copies);
          ps.setInt(4, seq);
          ps.setObject(5, odt(generatedAt));
        });
  }

  private static void updateVerdictSpans(Connection c, long clusterId, int head, int seq, JsonReport report)
      throws SQLException {
    Map<String, Verdict> now = new LinkedHashMap<>();
    report.areas().forEach(a -> now.put("area " + a.id(), new Verdict(a.id(), a.id(), a.status())));
    report.requirements().forEach(r -> now.put("practice " + r.id(), new Verdict(r.id(), r.area(), r.status())));
    List<Long> close = changedSpans(c, clusterId, "SELECT id, subject_type, subject, area, status FROM verdict_span",
        now, rs -> rs.getString(2) + " " + rs.getString(3),
        (rs, v) -> v.status().equals(rs.getString(5)) && (v.area() == null ? "" : v.area()).equals(rs.getString(4)));
    closeSpans(c, "verdict_span SET ", close, head, null);
    openSpans(c, "INSERT INTO verdict_span (cluster_id, subject_type, subject, area, status, first_seq, last_seq) "
        + "VALUES (?, ?, ?, ?, ?, ?, NULL)", now, (ps, key, v) -> {
          ps.setLong(1, clusterId);
          ps.setString(2, key.substring(0, key.indexOf(' ')));
          ps.setString(3, v.id());
          ps.setString(4, v.area() == null ? "" : v.area());
          ps.setString(5, v.status());
          ps.setInt(6, seq);
        });
  }

  /** The key in the new assessment of the subject of an open span's row. */
  private interface SpanKey<K> {
    K of(ResultSet rs) throws SQLException;
  }

  /** Whether an open span's row goes on with the subject's value in the new assessment. */
  private interface SpanUnchanged<V> {
    boolean test(ResultSet rs, V value) throws SQLException;
  }

  /** Binds the parameters of the insert of a new span. */
  private interface NewSpan<K, V> {
    void bind(PreparedStatement ps, K key, V value) throws SQLException;
  }

  /**
   * The ids of the cluster's open spans ({@code select} names the id first) that the new assessment ends: those
   * whose subject {@code now} lacks or holds changed. An unchanged one goes on, and its subject leaves {@code now}.
   */
  private static <K, V> List<Long> changedSpans(Connection c, long clusterId, String select, Map<K, V> now,
      SpanKey<K> keyOf, SpanUnchanged<V> unchanged) throws SQLException {
    List<Long> close = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(select + " WHERE cluster_id = ? AND last_seq IS NULL")) {
      ps.setLong(1, clusterId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          K key = keyOf.of(rs);
          V value = now.get(key);
          if (value != null && unchanged.test(rs, value)) {
            now.remove(key);
          } else {
            close.add(rs.getLong(1));
          }
        }
      }
    }
    return close;
  }

  /** Opens a span for every subject of {@code now}, in one batch. */
  private static <K, V> void openSpans(Connection c, String insert, Map<K, V> now, NewSpan<K, V> span)
      throws SQLException {
    if (now.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      for (Map.Entry<K, V> e : now.entrySet()) {
        span.bind(ps, e.getKey(), e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Ends the spans {@code ids} at the assessment {@code head}, the last that had them. */
  private static void closeSpans(Connection c, String updateSet, List<Long> ids, int head, Instant lastSeen)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE " + updateSet + "last_seq = ? WHERE id = ?")) {
      for (long id : ids) {
        int i = 1;
        if (lastSeen != null) {
          ps.setObject(i++, odt(lastSeen));
        }
        ps.setInt(i++, head);
        ps.setLong(i, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertRow(Connection c, long clusterId, int seq, JsonReport report, String reportSha,
      long size, Instant generatedAt, Instant storedAt, ObjectNode skeleton, String verbatim, int findingCount)
      throws SQLException {
    Map<String, Integer> practices = report.summary().requirements() == null ? Map.of()
        : report.summary().requirements();
    Map<String, Integer> failing = report.summary().findings() == null ? Map.of() : report.summary().findings();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO assessment (cluster_id, seq, generated_at, stored_at,"
        + " report_sha256, report_size, tool_name, tool_version, framework_id, framework_version, catalogue_sha256,"
        + " inputs, objects, practices_pass, practices_fail, practices_manual, practices_not_applicable,"
        + " practices_not_assessed, failing_critical, failing_high, failing_medium, failing_low, failing_info, waived,"
        + " findings, errors, skeleton, verbatim_sha256)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 1;
      ps.setLong(i++, clusterId);
      ps.setInt(i++, seq);
      ps.setObject(i++, odt(generatedAt));
      ps.setObject(i++, odt(storedAt));
      ps.setString(i++, reportSha);
      ps.setLong(i++, size);
      ps.setString(i++, nullToEmpty(report.tool().name()));
      ps.setString(i++, nullToEmpty(report.tool().version()));
      ps.setString(i++, nullToEmpty(report.framework().id()));
      ps.setString(i++, nullToEmpty(report.framework().version()));
      ps.setString(i++, catalogueSha(report));
      ps.setString(i++, String.join("\n", report.inputs() == null ? List.of() : report.inputs()));
      ps.setInt(i++, report.objects());
      for (String s : PRACTICE_STATUSES) {
        ps.setInt(i++, practices.getOrDefault(s, 0));
      }
      for (String s : SEVERITIES) {
        ps.setInt(i++, failing.getOrDefault(s, 0));
      }
      ps.setInt(i++, report.summary().waived());
      ps.setInt(i++, findingCount);
      ps.setInt(i++, report.summary().errors());
      ps.setString(i++, new String(ReportCodec.compact(skeleton), java.nio.charset.StandardCharsets.UTF_8));
      ps.setString(i, verbatim);
      ps.executeUpdate();
    }
  }

  private static final List<String> PRACTICE_STATUSES =
      List.of("PASS", "FAIL", "MANUAL", "NOT_APPLICABLE", "NOT_ASSESSED");
  private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");

  /** SHA-256 over what the report says of its rules (id, name, title, severity, practices), in report order. */
  static String catalogueSha(JsonReport report) {
    StringBuilder sb = new StringBuilder();
    if (report.rules() != null) {
      for (JsonReport.Rule r : report.rules()) {
        sb.append(r.id()).append('\t').append(r.name()).append('\t').append(r.title()).append('\t')
            .append(r.severity()).append('\t').append(r.requirements()).append('\n');
      }
    }
    return ReportCodec.sha256(sb.toString());
  }

  /**
   * Stores the parts the store lacks. A list part is stored after its elements, so a list that is there has all its
   * elements: only the elements of a missing list are looked up (an unchanged practices array costs one look-up).
   */
  private void storeParts(Connection c, Map<String, byte[]> parts, Map<String, List<String>> members)
      throws SQLException {
    java.util.Set<String> elements = new java.util.HashSet<>();
    members.values().forEach(elements::addAll);
    List<String> top = parts.keySet().stream().filter(k -> members.containsKey(k) || !elements.contains(k)).toList();
    String select = "SELECT sha256 FROM report_part WHERE sha256 IN ";
    List<String> missingTop = missing(c, select, top);
    java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
    missingTop.stream().filter(members::containsKey).forEach(k -> wanted.addAll(members.get(k)));
    wanted.removeAll(missingTop);
    List<String> missing = new ArrayList<>(missing(c, select, new ArrayList<>(wanted)));
    missing.addAll(missingTop.stream().filter(k -> !members.containsKey(k)).toList());
    missing.addAll(missingTop.stream().filter(members::containsKey).toList()); // lists last
    for (String sha : missing) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_part (sha256, body) VALUES (?, ?)")) {
        ps.setString(1, sha);
        ps.setBytes(2, ReportCodec.gzip(parts.get(sha)));
        ps.executeUpdate();
      } catch (SQLException e) {
        if (!isUniqueViolation(e)) { // another process stored the same part meanwhile
          throw e;
        }
      }
    }
  }

  /** The ids of the finding versions, stored first where new (content-addressed: shared by every cluster). */
  private static Map<String, Long> storeVersions(Connection c, List<ReportCodec.FindingBody> findings)
      throws SQLException {
    Map<String, ReportCodec.FindingBody> bySha = new LinkedHashMap<>();
    findings.forEach(f -> bySha.putIfAbsent(f.sha256(), f));
    Map<String, Long> ids = versionIds(c, new ArrayList<>(bySha.keySet()));
    List<ReportCodec.FindingBody> fresh = bySha.values().stream().filter(f -> !ids.containsKey(f.sha256())).toList();
    if (!fresh.isEmpty()) {
      for (ReportCodec.FindingBody f : fresh) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_version (sha256, fingerprint, rule, "
            + "rule_name, severity, severity_rank, status, scope, kind, namespace, name, object_path, message, "
            + "practices, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          int i = 1;
          ps.setString(i++, f.sha256());
          String fingerprint = f.text("fingerprint");
          ps.setString(i++, fingerprint != null ? fingerprint : ReportCodec.sha256(identity(f)).substring(0, 16));
          ps.setString(i++, nullToEmpty(f.text("rule")));
          ps.setString(i++, nullToEmpty(f.text("name")));
          String severity = nullToEmpty(f.text("severity")).toUpperCase(Locale.ROOT);
          ps.setString(i++, severity);
          ps.setInt(i++, ReportCodec.severityRank(severity));
          ps.setString(i++, nullToEmpty(f.text("status")).toUpperCase(Locale.ROOT));
          ps.setString(i++, f.text("scope"));
          ps.setString(i++, f.resourceText("kind"));
          ps.setString(i++, f.resourceText("namespace"));
          ps.setString(i++, f.resourceText("name"));
          ps.setString(i++, nullToEmpty(f.text("path")));
          ps.setString(i++, nullToEmpty(f.text("message")));
          ps.setString(i++, " " + String.join(" ", f.practices()) + " ");
          ps.setBytes(i, ReportCodec.gzip(f.json()));
          ps.executeUpdate();
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
        }
      }
      ids.putAll(versionIds(c, fresh.stream().map(ReportCodec.FindingBody::sha256).toList()));
    }
    return ids;
  }

  private static String identity(ReportCodec.FindingBody f) {
    String kind = f.resourceText("kind");
    String ns = f.resourceText("namespace");
    String object = kind == null ? "cluster" : ns == null ? kind + "/" + f.resourceText("name")
        : kind + "/" + ns + "/" + f.resourceText("name");
    return f.text("rule") + "|" + object + "|" + f.text("path");
  }

  private static Map<String, Long> versionIds(Connection c, List<String> shas) throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    selectIn(c, "SELECT sha256, id FROM finding_version WHERE sha256 IN ", shas,
        rs -> ids.put(rs.getString(1), rs.getLong(2)));
    return ids;
  }

  private static List<String> missing(Connection c, String select, List<String> keys) throws SQLException {
    java.util.Set<String> found = new java.util.HashSet<>();
    selectIn(c, select, keys, rs -> found.add(rs.getString(1)));
    return keys.stream().filter(k -> !found.contains(k)).toList();
  }

  /** A row of a query. */
  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code select (?, ?, ...)} over {@code keys} in chunks, handing every row to {@code row}. */
  private static void selectIn(Connection c, String select, List<String> keys, Row row) throws SQLException {
    for (int from = 0; from < keys.size(); from += IN_LIST) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
      try (PreparedStatement ps = c.prepareStatement(select + "(" + placeholders(chunk.size()) + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            row.read(rs);
          }
        }
      }
    }
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  // ---------------------------------------------------------------- reading

  private static final String SUMMARY_COLUMNS = "a.id, c.name, a.seq, a.generated_at, a.stored_at, a.report_sha256,"
      + " a.report_size, a.tool_name, a.tool_version, a.framework_id, a.framework_version, a.catalogue_sha256,"
      + " a.inputs, a.objects, a.practices_pass, a.practices_fail, a.practices_manual, a.practices_not_applicable,"
      + " a.practices_not_assessed, a.failing_critical, a.failing_high, a.failing_medium, a.failing_low,"
      + " a.failing_info, a.waived, a.findings, a.errors";

  /** The assessment with this id, if any. */
  public Optional<AssessmentSummary> assessment(long id) {
    try (Connection c = pool.getConnection()) {
      return summary(c, id);
    } catch (SQLException e) {
      throw failure("read assessment " + id, e);
    }
  }

  /**
   * The newest {@code limit} assessments, newest first (by generation time, then id), of {@code cluster} or of every
   * cluster when it is null.
   */
  public List<AssessmentSummary> assessments(String cluster, int limit) {
    String sql = "SELECT " + SUMMARY_COLUMNS + " FROM assessment a JOIN store_cluster c ON c.id = a.cluster_id"
        + (cluster == null ? "" : " WHERE c.name = ?") + " ORDER BY a.generated_at DESC, a.id DESC"
        + " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY";
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (cluster != null) {
        ps.setString(1, cluster);
      }
      List<AssessmentSummary> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(summary(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("list assessments", e);
    }
  }

  /** Every cluster with its latest assessment, by name. */
  public List<ClusterSummary> clusters() {
    String sql = "SELECT " + SUMMARY_COLUMNS + ", c.head_seq FROM store_cluster c JOIN assessment a"
        + " ON a.cluster_id = c.id AND a.seq = c.head_seq ORDER BY c.name";
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
         ResultSet rs = ps.executeQuery()) {
      List<ClusterSummary> out = new ArrayList<>();
      while (rs.next()) {
        AssessmentSummary latest = summary(rs);
        out.add(new ClusterSummary(latest.cluster(), rs.getInt("head_seq"), latest));
      }
      return out;
    } catch (SQLException e) {
      throw failure("list clusters", e);
    }
  }

  private static Optional<AssessmentSummary> summary(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY_COLUMNS
        + " FROM assessment a JOIN store_cluster c ON c.id = a.cluster_id WHERE a.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
      }
    }
  }

  private static AssessmentSummary summary(ResultSet rs) throws SQLException {
    Map<String, Integer> practices = new LinkedHashMap<>();
    for (int i = 0; i < PRACTICE_STATUSES.size(); i++) {
      practices.put(PRACTICE_STATUSES.get(i), rs.getInt(15 + i));
    }
    Map<String, Integer> failing = new LinkedHashMap<>();
    for (int i = 0; i < SEVERITIES.size(); i++) {
      failing.put(SEVERITIES.get(i), rs.getInt(20 + i));
    }
    String inputs = rs.getString(13);
    return new AssessmentSummary(rs.getLong(1), rs.getString(2), rs.getInt(3), instant(rs, 4), instant(rs, 5),
        rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
        rs.getString(12), inputs.isEmpty() ? List.of() : List.of(inputs.split("\n", -1)), rs.getInt(14), practices,
        failing, rs.getInt(25), rs.getInt(26), rs.getInt(27));
  }

  /**
   * The JSON report of assessment {@code id}, byte for byte as it was recorded (its SHA-256 is
   * {@link AssessmentSummary#reportSha256()}).
   *
   * @throws StoreException.UnknownAssessment when there is no such assessment
   */
  public byte[] exportJson(long id) {
    try (Connection c = pool.getConnection()) {
      Stored s = stored(c, id);
      if (s.verbatim != null) {
        return ReportCodec.gunzip(rawPart(c, s.verbatim));
      }
      return ReportCodec.write(ReportCodec.rebuild(s.skeleton, sha -> part(c, sha), normalBodies(c, s)));
    } catch (SQLException e) {
      throw failure("export assessment " + id, e);
    }
  }

  /**
   * Gives assessment {@code id} the extras {@code sha} when it has none: a report pushed bare, then again with its
   * extras, gains them (the report, hence every stored fact, is the same; only what the other formats show is added).
   */
  private static void addExtras(Connection c, long id, String sha) throws SQLException {
    ObjectNode skeleton;
    try (PreparedStatement ps = c.prepareStatement("SELECT skeleton FROM assessment WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        skeleton = (ObjectNode) ReportCodec.readCompact(
            rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    if (skeleton.has(EXTRAS)) {
      return;
    }
    skeleton.put(EXTRAS, sha);
    try (PreparedStatement ps = c.prepareStatement("UPDATE assessment SET skeleton = ? WHERE id = ?")) {
      ps.setString(1, new String(ReportCodec.compact(skeleton), java.nio.charset.StandardCharsets.UTF_8));
      ps.setLong(2, id);
      ps.executeUpdate();
    }
  }

  /** The JSON report of assessment {@code id}, parsed. */
  public JsonReport loadJson(long id) {
    try {
      return ReportDiff.read(new ByteArrayInputStream(exportJson(id)), "assessment " + id);
    } catch (IOException e) {
      throw new StoreException("cannot read assessment " + id + ": " + e.getMessage(), e);
    }
  }

  /**
   * The assessment {@code id} as the reporters take it, so that every format can be written again: the same bytes
   * as the scan's own output when the assessment was recorded with its {@link ReportExtras}; without them, the
   * basis and the rules' rationale and remediation read "not recorded" ({@link #NOT_RECORDED}).
   */
  public AssessmentReport loadReport(long id) {
    JsonReport json = loadJson(id);
    return ReportRebuilder.rebuild(json, extras(id));
  }

  /**
   * The extras recorded with assessment {@code id}, or null (a report pushed as JSON alone, by another client or an
   * older kubepci): its formats other than JSON then say that the basis and the rules' texts were not recorded.
   */
  public ReportExtras extras(long id) {
    try (Connection c = pool.getConnection()) {
      Stored s = stored(c, id);
      String sha = s.skeleton.path(EXTRAS).asText(null);
      return sha == null ? null : ReportCodec.COMPACT.treeToValue(part(c, sha), ReportExtras.class);
    } catch (SQLException e) {
      throw failure("read assessment " + id, e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StoreException("cannot read the extras of assessment " + id + ": " + e.getOriginalMessage(), e);
    }
  }

  /** The areas' and practices' statuses in assessment {@code id}: areas first, then practices, each by id. */
  public List<Verdict> verdicts(long id) {
    try (Connection c = pool.getConnection()) {
      Stored s = stored(c, id);
      List<Verdict> areas = new ArrayList<>();
      List<Verdict> practices = new ArrayList<>();
      spansAt(c, s, "SELECT subject_type, subject, area, status FROM verdict_span s", rs -> {
        Verdict v = new Verdict(rs.getString(2), rs.getString(3), rs.getString(4));
        ("area".equals(rs.getString(1)) ? areas : practices).add(v);
      });
      java.util.Comparator<Verdict> byId = java.util.Comparator.comparing(Verdict::id, AssessmentStore::compareIds);
      areas.sort(byId);
      practices.sort(byId);
      areas.addAll(practices);
      return areas;
    } catch (SQLException e) {
      throw failure("read assessment " + id, e);
    }
  }

  /**
   * The areas' and practices' statuses in every cluster's latest assessment, by cluster name (sorted), each list as
   * {@link #verdicts} orders it: one query for a fleet page.
   */
  public Map<String, List<Verdict>> latestVerdicts() {
    Map<String, List<Verdict>> areas = new java.util.TreeMap<>();
    Map<String, List<Verdict>> practices = new HashMap<>();
    try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT c.name,"
        + " v.subject_type, v.subject, v.area, v.status FROM verdict_span v JOIN store_cluster c ON c.id = v.cluster_id"
        + " WHERE v.last_seq IS NULL"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Verdict v = new Verdict(rs.getString(3), rs.getString(4), rs.getString(5));
        ("area".equals(rs.getString(2)) ? areas : practices)
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(v);
        areas.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
      }
    } catch (SQLException e) {
      throw failure("read the latest verdicts", e);
    }
    java.util.Comparator<Verdict> byId = java.util.Comparator.comparing(Verdict::id, AssessmentStore::compareIds);
    Map<String, List<Verdict>> out = new LinkedHashMap<>();
    areas.forEach((cluster, list) -> {
      List<Verdict> all = new ArrayList<>(list);
      all.sort(byId);
      List<Verdict> p = new ArrayList<>(practices.getOrDefault(cluster, List.of()));
      p.sort(byId);
      all.addAll(p);
      out.put(cluster, List.copyOf(all));
    });
    return out;
  }

  /** Dotted ids in numeric order: 2.10 after 2.9. */
  static int compareIds(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int cmp;
      try {
        cmp = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      } catch (NumberFormatException e) {
        cmp = x[i].compareTo(y[i]);
      }
      if (cmp != 0) {
        return cmp;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /**
   * A page of the findings of assessment {@code id} that match {@code filter}, in report order.
   *
   * @throws StoreException.UnknownAssessment when there is no such assessment
   */
  public FindingPage findings(long id, FindingFilter filter, int offset, int limit) {
    try (Connection c = pool.getConnection()) {
      return findings(c, stored(c, id), filter, offset, limit);
    } catch (SQLException e) {
      throw failure("read the findings of assessment " + id, e);
    }
  }

  private FindingPage findings(Connection c, Stored s, FindingFilter filter, int offset, int limit)
      throws SQLException {
    StringBuilder where = new StringBuilder(SPANS_AT);
    List<Object> args = new ArrayList<>(List.of(s.clusterId, s.seq, s.seq));
    if (!filter.statuses().isEmpty()) {
      where.append(" AND v.status IN (").append(placeholders(filter.statuses().size())).append(")");
      filter.statuses().stream().sorted().forEach(x -> args.add(x.toUpperCase(Locale.ROOT)));
    }
    if (!filter.severities().isEmpty()) {
      where.append(" AND v.severity IN (").append(placeholders(filter.severities().size())).append(")");
      filter.severities().stream().sorted().forEach(x -> args.add(x.toUpperCase(Locale.ROOT)));
    }
    if (filter.scope() != null) {
      where.append(" AND v.scope = ?");
      args.add(filter.scope());
    }
    if (filter.namespace() != null) {
      where.append(" AND v.namespace = ?");
      args.add(filter.namespace());
    }
    if (filter.rule() != null) {
      where.append(" AND (v.rule = ? OR v.rule_name = ?)");
      args.add(filter.rule());
      args.add(filter.rule());
    }
    if (filter.practice() != null) {
      where.append(" AND v.practices LIKE ?");
      args.add("% " + likeEscape(filter.practice()) + " %");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      where.append(" AND (LOWER(v.message) LIKE ? ESCAPE '!' OR LOWER(v.name) LIKE ? ESCAPE '!'"
          + " OR LOWER(v.object_path) LIKE ? ESCAPE '!' OR LOWER(v.rule_name) LIKE ? ESCAPE '!')");
      String like = "%" + likeEscape(filter.text().toLowerCase(Locale.ROOT)) + "%";
      for (int i = 0; i < 4; i++) {
        args.add(like);
      }
    }
    if (filter.practice() != null) {
      // the practice pattern uses the default escape; keep '!' literal there
      int at = where.indexOf("v.practices LIKE ?");
      where.insert(at + "v.practices LIKE ?".length(), " ESCAPE '!'");
    }
    int total;
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM finding_span s JOIN finding_version v"
        + " ON v.id = s.version_id" + where)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getInt(1);
      }
    }
    List<StoredFinding> page = new ArrayList<>();
    if (total > offset && limit > 0) {
      String sql = "SELECT v.body, s.copies, s.first_seen, s.last_seen FROM finding_span s JOIN finding_version v"
          + " ON v.id = s.version_id" + where
          + " ORDER BY v.severity_rank DESC, v.rule, v.namespace NULLS FIRST, v.kind NULLS FIRST,"
          + " v.name NULLS FIRST, v.object_path, v.message, v.id"
          + " OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind(ps, args);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ObjectNode body = (ObjectNode) ReportCodec.readCompact(ReportCodec.gunzip(rs.getBytes(1)));
            ObjectNode plain = ReportCodec.rebuildFinding(s.skeleton, body);
            Instant lastSeen = rs.getObject(4) == null ? s.headTime : instant(rs, 4);
            page.add(new StoredFinding(ReportCodec.COMPACT.treeToValue(plain, JsonReport.Finding.class),
                instant(rs, 3), lastSeen, rs.getInt(2)));
          }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new StoreException("a stored finding does not read back: " + e.getOriginalMessage(), e);
        }
      }
    }
    return new FindingPage(page, offset, limit, total);
  }

  private static List<ObjectNode> normalBodies(Connection c, Stored s) throws SQLException {
    List<ObjectNode> out = new ArrayList<>();
    spansAt(c, s, "SELECT v.body, s.copies FROM finding_span s JOIN finding_version v ON v.id = s.version_id", rs -> {
      ObjectNode body = (ObjectNode) ReportCodec.readCompact(ReportCodec.gunzip(rs.getBytes(1)));
      for (int i = 0; i < rs.getInt(2); i++) {
        out.add(body);
      }
    });
    return out;
  }

  /** The spans (aliased {@code s}) that assessment {@code at} has: of its cluster, opened by then and still open. */
  private static final String SPANS_AT =
      " WHERE s.cluster_id = ? AND s.first_seq <= ? AND (s.last_seq IS NULL OR s.last_seq >= ?)";

  /** Runs {@code select}, whose span table is aliased {@code s}, over the spans of assessment {@code at}. */
  private static void spansAt(Connection c, Stored at, String select, Row row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select + SPANS_AT)) {
      ps.setLong(1, at.clusterId);
      ps.setInt(2, at.seq);
      ps.setInt(3, at.seq);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    }
  }

  private static String likeEscape(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      ps.setObject(i + 1, args.get(i));
    }
  }

  /** What reading an assessment needs: where its findings are, and its skeleton. */
  private record Stored(long clusterId, int seq, ObjectNode skeleton, String verbatim, Instant headTime) {}

  private Stored stored(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT a.cluster_id, a.seq, a.skeleton, a.verbatim_sha256,"
        + " h.generated_at FROM assessment a JOIN store_cluster c ON c.id = a.cluster_id"
        + " JOIN assessment h ON h.cluster_id = c.id AND h.seq = c.head_seq WHERE a.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException.UnknownAssessment(id);
        }
        ObjectNode skeleton = (ObjectNode) ReportCodec.readCompact(
            rs.getString(3).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Stored(rs.getLong(1), rs.getInt(2), skeleton, rs.getString(4), instant(rs, 5));
      }
    }
  }

  private JsonNode part(Connection c, String sha) {
    JsonNode cached = partCache.get(sha);
    if (cached == null) {
      try {
        cached = ReportCodec.readCompact(ReportCodec.gunzip(rawPart(c, sha)));
      } catch (SQLException e) {
        throw failure("read a report part", e);
      }
      partCache.put(sha, cached);
    }
    return cached.deepCopy();
  }

  private static byte[] rawPart(Connection c, String sha) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT body FROM report_part WHERE sha256 = ?")) {
      ps.setString(1, sha);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("the store lacks the report part " + sha + ": the database is damaged");
        }
        return rs.getBytes(1);
      }
    }
  }

  private StoreException failure(String what, SQLException e) {
    return new StoreException("cannot " + what + " in the store " + location.display() + ": " + rootMessage(e), e);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return StoreLocation.redact(m.lines().findFirst().orElse(m));
  }

  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
