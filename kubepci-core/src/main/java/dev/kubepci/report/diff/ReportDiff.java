package dev.kubepci.report.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two JSON reports of kubepci: findings that are new, fixed or still there (matched by rule,
 * object and field path, so that a moved line or a reworded message is the same finding), and every best practice
 * whose status changed. Reads reports of any kubepci version that writes schema 1.x; fields it does not know are
 * ignored.
 *
 * @param older what the old report assessed (its inputs and time)
 * @param newer what the new report assessed
 * @param unchanged findings in both; their status may differ (a finding waived since)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "older", "newer", "summary", "added", "fixed", "unchanged", "practices"})
public record ReportDiff(String schemaVersion, Side older, Side newer, Summary summary, List<FindingEntry> added,
    List<FindingEntry> fixed, List<FindingEntry> unchanged, List<PracticeChange> practices) {

  public static final String SCHEMA_VERSION = "1.0";
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One report's identity. */
  @JsonPropertyOrder({"tool", "generatedAt", "inputs", "findings"})
  public record Side(String tool, String generatedAt, List<String> inputs, int findings) {
    public Side {
      // reports of older versions may name a server with its credentials
      inputs = inputs == null ? List.of() : inputs.stream().map(dev.kubepci.model.ServerUrl::redactIn).toList();
    }
  }

  /** Counts of each kind of change. */
  @JsonPropertyOrder({"added", "fixed", "unchanged", "statusChanged", "practicesChanged", "practicesImproved",
      "practicesRegressed"})
  public record Summary(int added, int fixed, int unchanged, int statusChanged, int practicesChanged,
      int practicesImproved, int practicesRegressed) {}

  /**
   * A finding on one side or both.
   *
   * @param oldStatus its status in the old report, null when new
   * @param newStatus its status in the new report, null when fixed
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"rule", "name", "severity", "object", "path", "observed", "message", "source", "oldStatus",
      "newStatus", "fingerprint"})
  public record FindingEntry(String rule, String name, String severity, String object, String path, String observed,
      String message, String source, String oldStatus, String newStatus, String fingerprint) {

    public boolean statusChanged() {
      return oldStatus != null && newStatus != null && !oldStatus.equals(newStatus);
    }

    String identity() {
      return rule + "|" + object + "|" + path;
    }
  }

  /** A best practice whose status differs; ABSENT when it is missing on one side. */
  @JsonPropertyOrder({"id", "title", "from", "to", "direction"})
  public record PracticeChange(String id, String title, String from, String to, String direction) {}

  /** Reads a JSON report; the message of the exception says what is wrong with it. */
  public static JsonReport read(InputStream in, String name) throws IOException {
    JsonReport r;
    try {
      r = JSON.readValue(in, JsonReport.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(name + " is not a kubepci JSON report: " + e.getOriginalMessage());
    }
    if (r == null || r.schemaVersion() == null || !r.schemaVersion().startsWith("1.") || r.findings() == null) {
      throw new IllegalArgumentException(name + " is not a kubepci JSON report (schemaVersion 1.x with findings; "
          + "write one with --format json)");
    }
    return r;
  }

  public static ReportDiff between(JsonReport older, JsonReport newer) {
    Map<String, JsonReport.Finding> before = index(older);
    Map<String, JsonReport.Finding> after = index(newer);
    List<FindingEntry> added = new ArrayList<>();
    List<FindingEntry> fixed = new ArrayList<>();
    List<FindingEntry> unchanged = new ArrayList<>();
    after.forEach((id, f) -> {
      JsonReport.Finding old = before.get(id);
      if (old == null) {
        added.add(entry(f, null, f.status()));
      } else {
        unchanged.add(entry(f, old.status(), f.status()));
      }
    });
    before.forEach((id, f) -> {
      if (!after.containsKey(id)) {
        fixed.add(entry(f, f.status(), null));
      }
    });
    Comparator<FindingEntry> order = Comparator.comparing((FindingEntry e) -> severityRank(e.severity()))
        .thenComparing(FindingEntry::identity);
    added.sort(order);
    fixed.sort(order);
    unchanged.sort(order);

    // practices with a new failing finding: only these can have regressed in the cluster itself
    java.util.Set<String> newlyFailing = new java.util.HashSet<>();
    after.forEach((id, f) -> {
      JsonReport.Finding old = before.get(id);
      if ("FAIL".equals(f.status()) && (old == null || !"FAIL".equals(old.status())) && f.requirements() != null) {
        newlyFailing.addAll(f.requirements());
      }
    });
    List<PracticeChange> practices = new ArrayList<>();
    Map<String, JsonReport.Requirement> oldReqs = new LinkedHashMap<>();
    if (older.requirements() != null) {
      older.requirements().forEach(r -> oldReqs.put(r.id(), r));
    }
    List<String> seen = new ArrayList<>();
    if (newer.requirements() != null) {
      for (JsonReport.Requirement r : newer.requirements()) {
        seen.add(r.id());
        JsonReport.Requirement old = oldReqs.get(r.id());
        String from = old == null ? "ABSENT" : old.status();
        if (!Objects.equals(from, r.status())) {
          String direction = direction(from, r.status());
          if (UNDECIDED.contains(from) && !newlyFailing.contains(r.id())) {
            // no new finding: an attestation, the configuration or the input decided it, not a change in the cluster
            direction = r.attestation() != null ? "attested" : "decided";
          }
          practices.add(new PracticeChange(r.id(), r.title(), from, r.status(), direction));
        }
      }
    }
    oldReqs.values().stream().filter(r -> !seen.contains(r.id())).forEach(r ->
        practices.add(new PracticeChange(r.id(), r.title(), r.status(), "ABSENT", "changed")));
    int improved = (int) practices.stream().filter(p -> p.direction().equals("improved")).count();
    int regressed = (int) practices.stream().filter(p -> p.direction().equals("regressed")).count();
    Summary summary = new Summary(added.size(), fixed.size(), unchanged.size(),
        (int) unchanged.stream().filter(FindingEntry::statusChanged).count(), practices.size(), improved, regressed);
    return new ReportDiff(SCHEMA_VERSION, side(older), side(newer), summary, added, fixed, unchanged, practices);
  }

  /** New findings that fail (not waived) at {@code threshold} or above. */
  public List<FindingEntry> addedFailingAtOrAbove(Severity threshold) {
    return added.stream().filter(e -> "FAIL".equals(e.newStatus()))
        .filter(e -> severity(e.severity()).compareTo(threshold) >= 0).toList();
  }

  private static Map<String, JsonReport.Finding> index(JsonReport report) {
    Map<String, JsonReport.Finding> map = new LinkedHashMap<>();
    for (JsonReport.Finding f : report.findings()) {
      map.putIfAbsent(identity(f), f);
    }
    return map;
  }

  static String identity(JsonReport.Finding f) {
    return f.rule() + "|" + object(f) + "|" + (f.path() == null ? "" : f.path());
  }

  private static String object(JsonReport.Finding f) {
    JsonReport.Resource r = f.resource();
    if (r == null) {
      return "cluster";
    }
    return r.namespace() == null ? r.kind() + "/" + r.name() : r.kind() + "/" + r.namespace() + "/" + r.name();
  }

  private static FindingEntry entry(JsonReport.Finding f, String oldStatus, String newStatus) {
    return new FindingEntry(f.rule(), f.name(), f.severity(), object(f), f.path(), f.observed(), f.message(),
        source(f), oldStatus, newStatus, f.fingerprint());
  }

  private static String source(JsonReport.Finding f) {
    if (f.resource() == null || f.resource().source() == null) {
      return null;
    }
    JsonReport.Source s = f.resource().source();
    if (s.file() != null) {
      Integer line = s.fieldLine() != null ? s.fieldLine() : s.line();
      return s.file() + (line == null ? "" : ":" + line);
    }
    if (s.configuration() != null) {
      return s.configuration();
    }
    if (s.derivedBy() != null) {
      return "derived by " + s.derivedBy() + " from " + s.derivedFrom();
    }
    return s.cluster();
  }

  private static Side side(JsonReport r) {
    String tool = r.tool() == null ? null : r.tool().name() + " " + r.tool().version();
    return new Side(tool, r.generatedAt(), r.inputs() == null ? List.of() : r.inputs(), r.findings().size());
  }

  /** Statuses that say nothing about the cluster yet: leaving them without a new finding is no regression. */
  private static final java.util.Set<String> UNDECIDED = java.util.Set.of("MANUAL", "NOT_ASSESSED");

  /** Better means closer to a decided pass: FAIL and NOT_ASSESSED are worst, PASS and NOT_APPLICABLE best. */
  static String direction(String from, String to) {
    int a = rank(from);
    int b = rank(to);
    return a == b ? "changed" : b > a ? "improved" : "regressed";
  }

  private static int rank(String status) {
    if (status == null) {
      return -1;
    }
    return switch (status) {
      case "FAIL" -> 0;
      case "NOT_ASSESSED" -> 1;
      case "MANUAL" -> 2;
      case "WAIVED" -> 3;
      case "PASS", "NOT_APPLICABLE" -> 4;
      default -> -1;
    };
  }

  private static int severityRank(String s) {
    return -severity(s).ordinal();
  }

  private static Severity severity(String s) {
    try {
      return Severity.valueOf(s);
    } catch (RuntimeException e) {
      return Severity.INFO;
    }
  }
}
