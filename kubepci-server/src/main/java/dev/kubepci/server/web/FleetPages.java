package dev.kubepci.server.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.server.ApiError;
import dev.kubepci.server.ClusterName;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.AssessmentSummary;
import dev.kubepci.store.ClusterSummary;
import dev.kubepci.store.StoreException;
import dev.kubepci.store.Verdict;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fleet overview, a cluster's posture over time, and one assessment: each a page and a JSON document. */
public final class FleetPages {
  static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
  static final List<String> PRACTICE_STATUSES = List.of("PASS", "FAIL", "NOT_ASSESSED", "MANUAL", "NOT_APPLICABLE");
  private static final int MAX_TREND = 400;

  private final AssessmentStore store;
  private final Views views;
  private final Clock clock;
  private final Duration staleAfter;
  /** Area titles per framework version (the same in every report of that version); a cache, not state. */
  private final Map<String, List<AreaHead>> areaTitles = new ConcurrentHashMap<>();

  public FleetPages(AssessmentStore store, Views views, Clock clock, Duration staleAfter) {
    this.store = store;
    this.views = views;
    this.clock = clock;
    this.staleAfter = staleAfter;
  }

  /** A column of the fleet table. */
  public record AreaHead(String id, String title) {}

  /** One area of one cluster's latest assessment. */
  public record AreaCell(String id, String status) {}

  /**
   * One cluster's row.
   *
   * @param ageSeconds how old its latest assessment is
   * @param stale true when older than the server's stale limit
   */
  public record FleetRow(String cluster, int assessments, long latestId, Instant generatedAt, long ageSeconds,
      String age, boolean stale, List<AreaCell> areas, Map<String, Integer> failing,
      Map<String, Integer> practices) {}

  /** The fleet: every cluster by the 16 areas. */
  public record FleetView(Instant now, long staleAfterSeconds, List<AreaHead> areas, List<FleetRow> clusters,
      int staleClusters) {}

  public FleetView fleet() {
    Instant now = clock.instant();
    List<FleetRow> rows = new ArrayList<>();
    List<AreaHead> heads = List.of();
    Map<String, List<Verdict>> verdicts = store.latestVerdicts();
    for (ClusterSummary c : store.clusters()) {
      AssessmentSummary a = c.latest();
      List<AreaCell> cells = new ArrayList<>();
      for (Verdict v : verdicts.getOrDefault(c.name(), List.of())) {
        if (v.id().equals(v.area())) {
          cells.add(new AreaCell(v.id(), v.status()));
        }
      }
      if (heads.isEmpty()) {
        heads = areaHeads(a);
      }
      long age = Math.max(0, Duration.between(a.generatedAt(), now).toSeconds());
      rows.add(new FleetRow(c.name(), c.assessments(), a.id(), a.generatedAt(), age, age(age),
          age > staleAfter.toSeconds(), cells, a.failing(), a.practices()));
    }
    int stale = (int) rows.stream().filter(FleetRow::stale).count();
    return new FleetView(now, staleAfter.toSeconds(), heads, rows, stale);
  }

  private List<AreaHead> areaHeads(AssessmentSummary a) {
    return areaTitles.computeIfAbsent(a.frameworkId() + "@" + a.frameworkVersion(), k -> {
      List<AreaHead> out = new ArrayList<>();
      for (JsonReport.Area area : store.loadJson(a.id()).areas()) {
        out.add(new AreaHead(area.id(), area.title()));
      }
      return Collections.unmodifiableList(out);
    });
  }

  /** "3 h", "2 d": the age of an assessment for people. */
  static String age(long seconds) {
    if (seconds < 3600) {
      return (seconds / 60) + " min";
    }
    if (seconds < 2 * 86400) {
      return (seconds / 3600) + " h";
    }
    return (seconds / 86400) + " d";
  }

  public void fleetPage(Context ctx) {
    views.render(ctx, "fleet.jte", "Fleet", "fleet", "view", fleet());
  }

  public void fleetApi(Context ctx) {
    Json.send(ctx, fleet());
  }

  /** One assessment on a cluster's time line. */
  public record TrendPoint(long id, int seq, Instant generatedAt, Map<String, Integer> failing,
      Map<String, Integer> practices, int waived, int findings) {}

  /** A cluster's posture over time, oldest first. */
  public record TrendView(String cluster, List<TrendPoint> points, @JsonIgnore String failingChart,
      @JsonIgnore String practicesChart) {

    public TrendPoint latest() {
      return points.isEmpty() ? null : points.get(points.size() - 1);
    }
  }

  public TrendView trend(String cluster, int limit) {
    ClusterName.require(cluster);
    List<AssessmentSummary> newestFirst = store.assessments(cluster, Math.max(1, Math.min(limit, MAX_TREND)));
    if (newestFirst.isEmpty()) {
      throw ApiError.notFound("no assessments of cluster '" + cluster + "'");
    }
    List<TrendPoint> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Map<String, Integer>> failing = new ArrayList<>();
    List<Map<String, Integer>> practices = new ArrayList<>();
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      AssessmentSummary a = newestFirst.get(i);
      points.add(new TrendPoint(a.id(), a.seq(), a.generatedAt(), a.failing(), a.practices(), a.waived(),
          a.findings()));
      labels.add(a.generatedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
      failing.add(a.failing());
      practices.add(a.practices());
    }
    return new TrendView(cluster, points,
        Charts.stackedBars("Failing findings by severity", SEVERITIES, labels, failing),
        Charts.stackedBars("Practice verdicts", PRACTICE_STATUSES, labels, practices));
  }

  public void trendPage(Context ctx) {
    TrendView t = trend(cluster(ctx), limit(ctx));
    views.render(ctx, "trend.jte", "Cluster " + t.cluster(), "fleet", "view", t);
  }

  public void trendApi(Context ctx) {
    Json.send(ctx, trend(cluster(ctx), limit(ctx)));
  }

  private static String cluster(Context ctx) {
    String c = ctx.pathParam("cluster");
    if (!ClusterName.valid(c)) {
      throw ApiError.badRequest("invalid cluster name");
    }
    return c;
  }

  private static int limit(Context ctx) {
    return Params.intParam(ctx, "limit", 365, 1, MAX_TREND);
  }

  /** A practice of one assessment. */
  public record PracticeRow(String id, String title, String assessment, String status, int findings,
      String reason) {}

  /** An area of one assessment with its practices. */
  public record AreaBlock(String id, String title, String status, List<PracticeRow> practices) {}

  /** One stored assessment: what it rests on, its verdicts, and where its neighbours are. */
  public record AssessmentView(AssessmentSummary assessment, Long previousId, List<AreaBlock> areas) {}

  public AssessmentView assessment(long id) {
    AssessmentSummary a = summary(store, id);
    JsonReport report = store.loadJson(id);
    Map<String, List<PracticeRow>> byArea = new LinkedHashMap<>();
    for (JsonReport.Requirement r : report.requirements()) {
      byArea.computeIfAbsent(r.area(), k -> new ArrayList<>()).add(new PracticeRow(r.id(), r.title(),
          r.assessment(), r.status(), r.findings(), r.reason()));
    }
    List<AreaBlock> areas = new ArrayList<>();
    for (JsonReport.Area area : report.areas()) {
      areas.add(new AreaBlock(area.id(), area.title(), area.status(), byArea.getOrDefault(area.id(), List.of())));
    }
    Long previous = null;
    for (AssessmentSummary s : store.assessments(a.cluster(), MAX_TREND)) {
      if (s.seq() == a.seq() - 1) {
        previous = s.id();
        break;
      }
    }
    return new AssessmentView(a, previous, areas);
  }

  public void assessmentPage(Context ctx) {
    AssessmentView v = assessment(Params.id(ctx));
    views.render(ctx, "assessment.jte", "Assessment " + v.assessment().id() + " of " + v.assessment().cluster(),
        "fleet", "view", v);
  }

  public void assessmentApi(Context ctx) {
    Json.send(ctx, assessment(Params.id(ctx)));
  }

  static AssessmentSummary summary(AssessmentStore store, long id) {
    try {
      return store.assessment(id).orElseThrow(() -> ApiError.notFound("no assessment with id " + id));
    } catch (StoreException.UnknownAssessment e) {
      throw ApiError.notFound(e.getMessage());
    }
  }
}
