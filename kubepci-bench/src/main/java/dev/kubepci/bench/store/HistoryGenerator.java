package dev.kubepci.bench.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubepci.report.JsonDocuments;
import dev.kubepci.report.json.JsonReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fleet's daily JSON reports: each cluster starts from a real report cut or grown to {@code findings} findings,
 * read live from its own API server (so every finding carries the collection time, as a live scan's does), and each
 * day about {@code churn} of its findings change: a finding is fixed, a new one appears, or one's observed value
 * changes.
 */
public final class HistoryGenerator {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final JsonReport base;
  private final List<List<JsonReport.Finding>> clusters = new ArrayList<>();
  private final Random random;
  private final int changesPerDay;

  /**
   * @param base a real report to take the shape and the findings from
   * @param churn the share of findings that change per day (0.01 for 1 %)
   */
  public HistoryGenerator(JsonReport base, int clusterCount, int findings, double churn, long seed) {
    this.base = base;
    this.random = new Random(seed);
    this.changesPerDay = Math.max(1, (int) Math.round(findings * churn));
    List<JsonReport.Finding> templates = base.findings();
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("the base report has no findings");
    }
    for (int c = 0; c < clusterCount; c++) {
      List<JsonReport.Finding> list = new ArrayList<>();
      for (int i = 0; i < findings; i++) {
        JsonReport.Finding t = templates.get(i % templates.size());
        int copy = i / templates.size();
        list.add(copy == 0 ? t : renamed(t, (t.resource() == null ? "cluster" : t.resource().name()) + "-" + copy));
      }
      clusters.add(list);
    }
  }

  public static JsonReport read(byte[] json) throws IOException {
    return JSON.readValue(json, JsonReport.class);
  }

  /** The name cluster {@code c} is recorded under. */
  public static String clusterName(int c) {
    return String.format("cluster-%03d", c);
  }

  /** The report of cluster {@code c} on day {@code day}, after that day's changes (none on day 0). */
  public byte[] report(int c, int day, Instant start) {
    List<JsonReport.Finding> findings = clusters.get(c);
    if (day > 0) {
      for (int k = 0; k < changesPerDay; k++) {
        int i = random.nextInt(findings.size());
        JsonReport.Finding f = findings.get(i);
        switch (random.nextInt(3)) {
          case 0 -> findings.remove(i);
          case 1 -> findings.add(renamed(f, (f.resource() == null ? "cluster" : f.resource().name()) + "-d" + day
              + "-" + k));
          default -> findings.set(i, observed(f, "day " + day));
        }
      }
    }
    Instant at = start.plus(Duration.ofDays(day));
    String server = "https://10.0." + (c / 250) + "." + (c % 250 + 1) + ":6443";
    List<JsonReport.Finding> live = findings.stream().map(f -> live(f, server, at.minusSeconds(90)))
        .sorted(ORDER).toList();
    JsonReport r = base;
    JsonReport report = new JsonReport(r.schemaVersion(), r.tool(), r.framework(), r.crossReference(), at.toString(),
        List.of(server), new JsonReport.Cluster(clusterName(c), server, "v1.31.4", null), r.objects(),
        summary(r.summary(), live), r.areas(), requirements(r.requirements(), live), r.rules(), live, r.tables(),
        r.waivers(), r.errors(),
        r.ruleErrors(), r.skipped());
    return JsonDocuments.bytes(report);
  }

  /**
   * The base report's summary with the counts of {@code findings}: the failing findings by severity and by scope and
   * the waived ones are those of the generated report, not of the base report it was cut from or grown out of (the
   * store keeps these counts, and the fleet and trend pages show them). The practices' finding counts are recounted
   * too, see {@link #requirements}.
   */
  static JsonReport.Summary summary(JsonReport.Summary base, List<JsonReport.Finding> findings) {
    java.util.Map<String, Integer> bySeverity = new java.util.LinkedHashMap<>();
    base.findings().keySet().forEach(k -> bySeverity.put(k, 0));
    java.util.Map<String, Integer> byScope = new java.util.TreeMap<>();
    int waived = 0;
    for (JsonReport.Finding f : findings) {
      if ("FAIL".equals(f.status())) {
        bySeverity.merge(f.severity(), 1, Integer::sum);
        byScope.merge(f.scope() == null ? "unscoped" : f.scope(), 1, Integer::sum);
      } else if ("WAIVED".equals(f.status())) {
        waived++;
      }
    }
    return new JsonReport.Summary(base.requirements(), bySeverity, base.rules(), base.errors(), base.ruleErrors(),
        waived, base.attested(), base.open(), byScope, base.skipped());
  }

  /**
   * The base report's practices with the finding counts of {@code findings} (the failing findings that fall under
   * each practice, as {@code kubepci scan} counts them), so that a day's churn changes the counts of the few practices
   * its changed findings fall under, as in a real fleet, and the benchmark measures what storing that costs.
   */
  static List<JsonReport.Requirement> requirements(List<JsonReport.Requirement> base,
      List<JsonReport.Finding> findings) {
    if (base == null) {
      return null;
    }
    java.util.Map<String, Integer> failing = new java.util.HashMap<>();
    for (JsonReport.Finding f : findings) {
      if ("FAIL".equals(f.status()) && f.requirements() != null) {
        f.requirements().forEach(id -> failing.merge(id, 1, Integer::sum));
      }
    }
    return base.stream().map(q -> q.findings() == failing.getOrDefault(q.id(), 0) ? q
        : new JsonReport.Requirement(q.id(), q.area(), q.title(), q.assessment(), q.status(), q.automatedStatus(),
            q.reason(), q.rules(), failing.getOrDefault(q.id(), 0), q.evidence(), q.toCollect(), q.commands(),
            q.questions(), q.attestation(), q.dss())).toList();
  }

  /** The order of every report ({@code Finding.ORDER}): most severe first, then rule, object, path, message. */
  private static final java.util.Comparator<JsonReport.Finding> ORDER = java.util.Comparator
      .comparing((JsonReport.Finding f) -> dev.kubepci.rule.Severity.valueOf(f.severity()),
          java.util.Comparator.reverseOrder())
      .thenComparing(JsonReport.Finding::rule)
      .thenComparing(f -> f.resource() == null ? 0 : 1)
      .thenComparing(f -> f.resource() == null || f.resource().namespace() == null ? "" : f.resource().namespace())
      .thenComparing(f -> f.resource() == null || f.resource().kind() == null ? "" : f.resource().kind())
      .thenComparing(f -> f.resource() == null || f.resource().name() == null ? "" : f.resource().name())
      .thenComparing(f -> f.resource() == null || f.resource().apiVersion() == null ? "" : f.resource().apiVersion())
      .thenComparing(f -> f.path() == null ? "" : f.path())
      .thenComparing(f -> f.message() == null ? "" : f.message());

  private static JsonReport.Finding renamed(JsonReport.Finding f, String name) {
    JsonReport.Resource r = f.resource();
    JsonReport.Resource renamed = r == null ? null : new JsonReport.Resource(r.apiVersion(), r.kind(), r.namespace(),
        name, r.uid(), r.resourceVersion(), r.source());
    String object = r == null ? "cluster" : r.namespace() == null ? r.kind() + "/" + name
        : r.kind() + "/" + r.namespace() + "/" + name;
    // a cluster-wide finding has no object to rename: its copy points at another field, so that no two findings of
    // a report share rule, object and path (as in kubepci's reports)
    String path = r == null ? f.path() + "[" + name + "]" : f.path();
    return new JsonReport.Finding(f.rule(), f.name(), f.ruleVersion(), f.requirements(), f.severity(), f.status(),
        f.scope(), renamed, f.dss(), path, f.observed(), f.message(), f.remediation(), f.kubectl(),
        fingerprint(f.rule() + "|" + object + "|" + path), f.waiver());
  }

  private static JsonReport.Finding observed(JsonReport.Finding f, String value) {
    return new JsonReport.Finding(f.rule(), f.name(), f.ruleVersion(), f.requirements(), f.severity(), f.status(),
        f.scope(), f.resource(), f.dss(), f.path(), value, f.message(), f.remediation(), f.kubectl(), f.fingerprint(),
        f.waiver());
  }

  private static JsonReport.Finding live(JsonReport.Finding f, String server, Instant collectedAt) {
    JsonReport.Resource r = f.resource();
    if (r == null) {
      return f;
    }
    JsonReport.Resource live = new JsonReport.Resource(r.apiVersion(), r.kind(), r.namespace(), r.name(), r.uid(),
        r.resourceVersion(), JsonReport.Source.cluster(server, collectedAt.toString()));
    return new JsonReport.Finding(f.rule(), f.name(), f.ruleVersion(), f.requirements(), f.severity(), f.status(),
        f.scope(), live, f.dss(), f.path(), f.observed(), f.message(), f.remediation(), f.kubectl(), f.fingerprint(),
        f.waiver());
  }

  static String fingerprint(String identity) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
