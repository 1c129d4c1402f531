package dev.kubepci.bench;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.OutputFormat;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.bench.store.HistoryGenerator;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.StoreLocation;
import dev.kubepci.store.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubepci-bench store}: a fleet's year of daily assessments ingested into the store, with the ingest time per
 * assessment and the size of the database. A benchmark, not a test: it reports figures and decides nothing.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
    description = "Ingest CLUSTERS x DAYS daily JSON reports of about FINDINGS findings each, with CHURN of them "
        + "changing per day, into PostgreSQL (a throw-away server started as the tests do, or --store URL), and "
        + "report the ingest time per assessment and the database size.")
final class StoreCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--clusters", defaultValue = "100", description = "Clusters. Default: ${DEFAULT-VALUE}.")
  int clusters;

  @Option(names = "--days", defaultValue = "365", description = "Daily assessments per cluster. Default: ${DEFAULT-VALUE}.")
  int days;

  @Option(names = "--findings", defaultValue = "500", description = "Findings per assessment. Default: ${DEFAULT-VALUE}.")
  int findings;

  @Option(names = "--churn", defaultValue = "0.01",
      description = "Share of findings that change per day. Default: ${DEFAULT-VALUE}.")
  double churn;

  @Option(names = "--objects", defaultValue = "1500",
      description = "Objects of the synthetic cluster whose real report gives the findings. Default: ${DEFAULT-VALUE}.")
  int objects;

  @Option(names = "--seed", defaultValue = "20261204", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--store", paramLabel = "URL",
      description = "Ingest into this store (jdbc:postgresql:... or jdbc:h2:...) instead of a throw-away PostgreSQL.")
  String store;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    byte[] baseJson = baseReport();
    HistoryGenerator fleet = new HistoryGenerator(HistoryGenerator.read(baseJson), clusters, findings, churn, seed);
    PostgresServer server = store == null ? PostgresServer.start() : null;
    try {
      String url = store != null ? store : server.newDatabase();
      try (AssessmentStore s = AssessmentStore.open(StoreLocation.parse(url, Map.of()))) {
        long[] nanos = new long[clusters * days];
        long bytes = 0;
        int n = 0;
        Instant start = Instant.parse("2026-01-01T02:00:00Z");
        long began = System.nanoTime();
        for (int d = 0; d < days; d++) {
          for (int c = 0; c < clusters; c++) {
            byte[] report = fleet.report(c, d, start);
            bytes += report.length;
            long t0 = System.nanoTime();
            s.record(HistoryGenerator.clusterName(c), report, null, Instant.now());
            nanos[n++] = System.nanoTime() - t0;
          }
          if ((d + 1) % 30 == 0 || d + 1 == days) {
            out.printf(Locale.ROOT, "day %d: %d assessments, %.1f min%n", d + 1, n,
                (System.nanoTime() - began) / 6e10);
            out.flush();
          }
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        out.printf(Locale.ROOT, "%d clusters x %d days, %d findings per assessment, %.1f%% churn per day%n",
            clusters, days, findings, churn * 100);
        out.printf(Locale.ROOT, "reports: %d, %.1f MB of JSON in all%n", n, bytes / 1e6);
        out.printf(Locale.ROOT, "ingest per assessment: mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", mean,
            sorted[n / 2] / 1e6, sorted[(int) Math.min(n - 1, Math.ceil(n * 0.95) - 1)] / 1e6, sorted[n - 1] / 1e6);
        out.printf(Locale.ROOT, "ingest in all: %.1f min%n", (System.nanoTime() - began) / 6e10);
        report(s, url, out);
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    return 0;
  }

  /** A real report: kubepci's own scan of a synthetic cluster of {@code objects} objects. */
  private byte[] baseReport() throws Exception {
    Path dir = Files.createTempDirectory("kubepci-bench-store");
    try {
      Path manifests = dir.resolve("cluster.yaml");
      OutputFormat.parse("yaml").write(new SyntheticCluster(ClusterPlan.of(objects, seed)), manifests);
      Path json = dir.resolve("report.json");
      StringWriter err = new StringWriter();
      int code = dev.kubepci.cli.Main.run(new String[] {"scan", manifests.toString(), "--quiet", "--fail-on", "none",
          "-f", "json", "-o", json.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err),
          java.io.InputStream.nullInputStream(), Map.of("SOURCE_DATE_EPOCH", "1767232800"));
      if (code != 0 && code != 3) {
        throw new IllegalStateException("the scan of the synthetic cluster failed (" + code + "): " + err);
      }
      return Files.readAllBytes(json);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void report(AssessmentStore s, String url, PrintWriter out) throws Exception {
    try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
      List<String> counts = new ArrayList<>();
      for (String table : List.of("assessment", "report_part", "finding_version", "finding_span", "verdict_span")) {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          counts.add(table + " " + rs.getLong(1));
        }
      }
      out.println("rows: " + String.join(", ", counts));
      // what each stored assessment holds, from the reports' own counts (the fleet and trend pages show these)
      try (ResultSet rs = st.executeQuery("SELECT AVG(findings), AVG(failing_critical + failing_high + failing_medium"
          + " + failing_low + failing_info), AVG(waived) FROM assessment")) {
        rs.next();
        out.printf(Locale.ROOT, "per assessment on average: %.0f findings, %.0f failing, %.0f waived%n",
            rs.getDouble(1), rs.getDouble(2), rs.getDouble(3));
      }
      if (url.startsWith("jdbc:postgresql:")) {
        try (ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
          rs.next();
          out.printf(Locale.ROOT, "database size: %.1f MB%n", rs.getLong(1) / 1e6);
        }
      }
    }
  }
}
