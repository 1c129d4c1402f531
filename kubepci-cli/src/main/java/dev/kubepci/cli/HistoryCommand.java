package dev.kubepci.cli;

import dev.kubepci.report.Printable;
import dev.kubepci.result.ExitCode;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.AssessmentSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kubepci history}: the stored assessments, newest first. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List the assessments stored by kubepci scan --store, newest first: id, cluster, time, practices "
        + "per status and failing findings per severity.",
    footer = {
        "",
        "Examples:",
        "  kubepci history",
        "  kubepci history --cluster prod-eu --limit 10",
        "  kubepci export 12 --format html --output report.html",
        "  kubepci diff 11 12",
        "",
        "Exit codes: 0 done, 2 usage error (a store that cannot be reached)."})
public final class HistoryCommand extends KubepciSubcommand {
  @Option(names = "--cluster", paramLabel = "NAME", description = "Only the assessments of this cluster.")
  String cluster;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "At most N assessments. Default: ${DEFAULT-VALUE}.")
  int limit;

  @Mixin
  HistoryStore.Option store;

  @Override
  public Integer call() {
    Environment env = env();
    if (limit < 1) {
      throw new UserException(ExitCode.USAGE, "--limit: expected a positive number, not " + limit);
    }
    List<AssessmentSummary> list;
    try (AssessmentStore s = HistoryStore.open(store.url, env, false)) {
      list = s.assessments(cluster, limit);
    }
    PrintWriter out = env.out();
    if (list.isEmpty()) {
      out.println(cluster == null ? "No assessment is stored." : "No assessment of " + Printable.text(cluster) + " is stored.");
    } else {
      out.print(table(list));
    }
    out.flush();
    return ExitCode.OK.code();
  }

  /** The history as a plain-text table, one assessment per line. */
  static String table(List<AssessmentSummary> list) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"ID", "CLUSTER", "GENERATED", "PASS", "FAIL", "MANUAL", "N/A", "NOT ASSESSED",
        "FAILING", "CRIT", "HIGH", "MED", "LOW", "INFO"});
    for (AssessmentSummary a : list) {
      rows.add(new String[] {String.valueOf(a.id()), Printable.text(a.cluster()), a.generatedAt().toString(),
          n(a.practices().get("PASS")), n(a.practices().get("FAIL")), n(a.practices().get("MANUAL")),
          n(a.practices().get("NOT_APPLICABLE")), n(a.practices().get("NOT_ASSESSED")),
          String.valueOf(a.failingTotal()), n(a.failing().get("CRITICAL")), n(a.failing().get("HIGH")),
          n(a.failing().get("MEDIUM")), n(a.failing().get("LOW")), n(a.failing().get("INFO"))});
    }
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        boolean number = i == 0 || i >= 3;
        String cell = number ? " ".repeat(width[i] - r[i].length()) + r[i] : r[i] + " ".repeat(width[i] - r[i].length());
        line.append(i == 0 ? "" : "  ").append(cell);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String n(Integer i) {
    return String.valueOf(i == null ? 0 : i);
  }
}
