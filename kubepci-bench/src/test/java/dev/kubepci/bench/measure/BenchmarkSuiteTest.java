package dev.kubepci.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.bench.generate.OutputFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness works end to end at a small size; no timing is asserted (timed unit tests would be flaky). */
class BenchmarkSuiteTest {
  @Test
  void measuresReadAndAssessInFreshJvms(@TempDir Path work) throws Exception {
    BenchmarkSuite.Options options = new BenchmarkSuite.Options(List.of(200), 1, OutputFormat.YAML, "256m", 1,
        List.of(MeasuredRun.Mode.READ, MeasuredRun.Mode.ASSESS), work,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
        List.of());
    StringWriter progress = new StringWriter();
    BenchmarkSuite.Result result = new BenchmarkSuite(options).run(new PrintWriter(progress));

    assertThat(result.failures()).as(progress.toString()).isEmpty();
    assertThat(result.measurements()).extracting(Measurement::mode).containsExactly("read", "assess");
    for (Measurement m : result.measurements()) {
      assertThat(m.objects()).isEqualTo(200);
      assertThat(m.millis()).isPositive();
      assertThat(m.peakHeapBytes()).isPositive();
      assertThat(m.maxHeap()).isEqualTo("256m");
    }
    Measurement assess = result.measurements().get(1);
    assertThat(assess.findings()).isPositive();
    assertThat(assess.reportBytes()).isEqualTo(Files.size(work.resolve("report-200.json")));
    assertThat(Files.list(work).map(p -> p.getFileName().toString()))
        .contains("cluster-200-seed1-" + BenchmarkSuite.GENERATOR_VERSION + ".yaml");
    assertThat(ResultTable.markdown(result)).contains("| 200 | (a) read |", "| 200 | (b) assess |",
        "- [x] every run completes within the heap limit");
  }

  private static Measurement m(String mode, int objects, long millis, long reportBytes, int findings) {
    return new Measurement(mode, "in", objects, millis, millis, 1, 1, 1, 0, 0, reportBytes, findings, 0, "1024m");
  }

  @Test
  void checksTheTargetsOnTheLargestSize() {
    List<BenchmarkSuite.Check> checks = BenchmarkSuite.checks(List.of(
        m("read", 10_000, 1_000, 0, 0), m("assess", 10_000, 1_700, 1_000_000, 1_000),
        m("read", 100_000, 10_000, 0, 0), m("assess", 100_000, 19_000, 10_500_000, 10_000)), List.of());
    assertThat(checks).extracting(BenchmarkSuite.Check::holds).containsExactly(true, true, true, true);
    assertThat(checks.get(1).detail()).contains("1.90x wall");
    assertThat(checks.get(2).detail()).contains("11.18x wall");
  }

  @Test
  void reportsEachMissedTarget() {
    List<BenchmarkSuite.Check> checks = BenchmarkSuite.checks(List.of(
        m("read", 10_000, 1_000, 0, 0), m("assess", 10_000, 1_500, 1_000_000, 1_000),
        m("read", 100_000, 10_000, 0, 0), m("assess", 100_000, 21_000, 90_000_000, 10_000)),
        List.of(new BenchmarkSuite.Failure(100_000, "inventory", "out of memory with -Xmx1g")));
    assertThat(checks).extracting(BenchmarkSuite.Check::holds).containsExactly(false, false, false, false);
    assertThat(checks.get(0).detail()).contains("out of memory");
    assertThat(checks.get(1).detail()).contains("2.10x wall");
    assertThat(checks.get(2).detail()).contains("14.00x wall");
  }
}
