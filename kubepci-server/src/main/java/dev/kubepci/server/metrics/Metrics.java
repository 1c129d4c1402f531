package dev.kubepci.server.metrics;

import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.AssessmentSummary;
import dev.kubepci.store.ClusterSummary;
import dev.kubepci.store.Verdict;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /metrics} in the Prometheus text format (0.0.4), from each cluster's latest assessment: the status of every
 * practice (one series per status, 1 for the current one, so that an alert can fire on a change), failing findings
 * by severity, and the time of the last assessment (to alert on a cluster that stopped reporting).
 */
public final class Metrics {
  private static final List<String> STATUSES = List.of("PASS", "FAIL", "MANUAL", "NOT_APPLICABLE", "NOT_ASSESSED");
  private final AssessmentStore store;

  public Metrics(AssessmentStore store) {
    this.store = store;
  }

  public String render() {
    StringBuilder practice = new StringBuilder();
    StringBuilder failing = new StringBuilder();
    StringBuilder last = new StringBuilder();
    StringBuilder count = new StringBuilder();
    Map<String, List<Verdict>> verdicts = store.latestVerdicts();
    for (ClusterSummary c : store.clusters()) {
      AssessmentSummary a = c.latest();
      String cluster = label(c.name());
      for (Verdict v : verdicts.getOrDefault(c.name(), List.of())) {
        if (v.id().equals(v.area())) {
          continue;
        }
        for (String s : STATUSES) {
          practice.append("kubepci_practice_status{cluster=\"").append(cluster).append("\",practice=\"")
              .append(label(v.id())).append("\",area=\"").append(label(v.area())).append("\",status=\"").append(s)
              .append("\"} ").append(s.equals(v.status()) ? 1 : 0).append('\n');
        }
      }
      for (Map.Entry<String, Integer> e : a.failing().entrySet()) {
        failing.append("kubepci_failing_findings{cluster=\"").append(cluster).append("\",severity=\"")
            .append(label(e.getKey())).append("\"} ").append(e.getValue()).append('\n');
      }
      last.append("kubepci_last_assessment_timestamp_seconds{cluster=\"").append(cluster).append("\"} ")
          .append(a.generatedAt().getEpochSecond()).append('\n');
      count.append("kubepci_assessments{cluster=\"").append(cluster).append("\"} ").append(c.assessments())
          .append('\n');
    }
    return "# HELP kubepci_practice_status 1 for the status of each best practice in the cluster's latest assessment\n"
        + "# TYPE kubepci_practice_status gauge\n" + practice
        + "# HELP kubepci_failing_findings Failing (not waived) findings of the latest assessment by severity\n"
        + "# TYPE kubepci_failing_findings gauge\n" + failing
        + "# HELP kubepci_last_assessment_timestamp_seconds When the latest assessment was generated (Unix time)\n"
        + "# TYPE kubepci_last_assessment_timestamp_seconds gauge\n" + last
        + "# HELP kubepci_assessments Assessments stored for the cluster\n"
        + "# TYPE kubepci_assessments gauge\n" + count;
  }

  public void handle(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(render());
  }

  /** A label value as the text format escapes it. */
  static String label(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
