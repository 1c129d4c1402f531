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
    BenchmarkSuite.Options options = new BenchmarkSuite.Options(List.of(200), 1, List.of(OutputFormat.YAML), "256m",
        1, List.of(MeasuredRun.Mode.READ, MeasuredRun.Mode.ASSESS), work,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
        List.of(), null);
    StringWriter progress = new StringWriter();
    BenchmarkSuite.Result result = new BenchmarkSuite(options).run(new PrintWriter(progress));

    assertThat(result.failures()).as(progress.toString()).isEmpty();
    assertThat(result.measurements()).extracting(Measurement::mode).containsExactly("read", "assess");
    for (Measurement m : result.measurements()) {
      assertThat(m.objects()).isEqualTo(200);
      assertThat(m.millis()).isPositive();
      assertThat(m.processMillis()).isGreaterThanOrEqualTo(m.millis());
      assertThat(m.peakHeapBytes()).isPositive();
      assertThat(m.maxHeap()).isEqualTo("256m");
      assertThat(m.format()).isEqualTo("yaml");
    }
    Measurement assess = result.measurements().get(1);
    assertThat(assess.findings()).isPositive();
    assertThat(assess.reportBytes()).isEqualTo(Files.size(work.resolve("report-200-assess-yaml.json")));
    assertThat(Files.list(work).map(p -> p.getFileName().toString()))
        .contains("cluster-200-seed1-" + BenchmarkSuite.GENERATOR_VERSION + ".yaml");
    assertThat(ResultTable.markdown(result)).contains("| 200 | yaml | (a) read |", "| 200 | yaml | (b) assess |",
        "- [x] every run completes within the heap limit");
  }

  private static Measurement m(String mode, String input, int objects, long millis, long cpu, long rssMb) {
    return m(mode, input, objects, millis, cpu, rssMb, "1024m");
  }

  private static Measurement m(String mode, String input, int objects, long millis, long cpu, long rssMb,
      String heap) {
    return new Measurement(mode, input, objects, millis, cpu, 1, 1, rssMb << 20, 0, 0, 1000L * objects,
        objects / 10, 0, heap, millis + 300, cpu + 500);
  }

  @Test
  void theResidentMemoryTargetIsCheckedAt100000ObjectsWithAOneGigabyteHeapOnly() {
    // the growth table: 300,000 objects need -Xmx2g, and 2.1 GB resident is no miss of the 100,000-object target
    List<BenchmarkSuite.Check> checks = BenchmarkSuite.checks(List.of(
        m("assess", "c.json", 100_000, 5_000, 9_000, 1_000),
        m("assess", "c.json", 300_000, 14_000, 27_000, 2_150, "2048m")), List.of());
    assertThat(checks).extracting(BenchmarkSuite.Check::target).containsExactly(
        "every run completes within the heap limit",
        "100,000 objects (json) assessed in under 1.2 GB resident",
        "300,000 objects (json) take at most 3.0x the time of 100,000",
        "the JSON report grows with findings, not with input");
    assertThat(checks.get(1).holds()).isTrue();
    assertThat(checks.get(1).detail()).isEqualTo("peak RSS 1000 MB with -Xmx1024m");
    // the same sizes run with -Xmx2g (scripts/bench -n 100000,300000 --heap 2g): no resident-memory target applies
    List<BenchmarkSuite.Check> twoGigabytes = BenchmarkSuite.checks(List.of(
        m("assess", "c.json", 100_000, 5_000, 9_000, 1_300, "2048m"),
        m("assess", "c.json", 300_000, 14_000, 27_000, 2_150, "2048m")), List.of());
    assertThat(twoGigabytes).extracting(BenchmarkSuite.Check::target).noneMatch(t -> t.contains("resident"));
    assertThat(BenchmarkSuite.heapMb("2g")).isEqualTo(2048);
    assertThat(BenchmarkSuite.heapMb("1024m")).isEqualTo(1024);
    assertThat(BenchmarkSuite.heapMb("unbounded")).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void checksTheTargetsAgainstTheFloorOnTheLargestSize() {
    List<BenchmarkSuite.Check> checks = BenchmarkSuite.checks(List.of(
        m("assess", "c.json", 10_000, 1_700, 3_000, 400),
        m("floor", "c.json", 100_000, 2_000, 2_000, 0), m("assess", "c.json", 100_000, 5_000, 9_000, 900),
        m("assess", "c.kpci.jsonl.gz", 100_000, 4_000, 8_000, 800),
        m("live", "kubeconfig-100000", 100_000, 5_500, 9_000, 900),
        m("assess", "collected-100000.kpci.jsonl.gz", 100_000, 4_000, 8_000, 800)), List.of());
    assertThat(checks).extracting(BenchmarkSuite.Check::target).containsExactly(
        "every run completes within the heap limit",
        "100,000 objects (json) assessed within 3x the wall and 5x the CPU time of the floor",
        "100,000 objects (json) assessed in under 1.2 GB resident",
        "100,000 objects (json) take at most 10.0x the time of 10,000",
        "100,000 objects (snapshot) assessed within 3x the wall and 5x the CPU time of the floor",
        "100,000 objects (snapshot) assessed in under 1.2 GB resident",
        "100,000 objects scanned live within 1.5x the wall and CPU time of assessing the snapshot of the same "
            + "collection",
        "the JSON report grows with findings, not with input");
    assertThat(checks).extracting(BenchmarkSuite.Check::holds).containsOnly(true);
    assertThat(checks.get(1).detail()).contains("2.30x wall", "3.80x CPU");
    assertThat(checks.get(6).detail()).contains("1.35x wall", "1.12x CPU");
  }

  @Test
  void reportsEachMissedTarget() {
    List<BenchmarkSuite.Check> checks = BenchmarkSuite.checks(List.of(
        m("assess", "c.json", 10_000, 700, 3_000, 400),
        m("floor", "c.json", 100_000, 2_000, 2_000, 0), m("assess", "c.json", 100_000, 11_000, 20_000, 1300),
        m("assess", "c.kpci.jsonl.gz", 100_000, 4_000, 8_000, 800),
        m("live", "kubeconfig-100000", 77_912, 9_000, 9_000, 900),
        m("assess", "collected-100000.kpci.jsonl.gz", 77_912, 4_000, 8_000, 800)),
        List.of(new BenchmarkSuite.Failure(100_000, "inventory", "out of memory with -Xmx1g")));
    assertThat(checks.get(0).holds()).isFalse();
    assertThat(checks.get(0).detail()).contains("out of memory");
    assertThat(checks.get(1).holds()).isFalse();
    assertThat(checks.get(1).detail()).contains("4.91x wall", "8.20x CPU");
    assertThat(checks.get(2).holds()).isFalse();
    assertThat(checks.get(3).holds()).isFalse();
    assertThat(checks.get(6).holds()).isFalse();
    assertThat(checks.get(6).target()).startsWith("77,912 objects scanned live within 1.5x");
    assertThat(checks.get(6).detail()).contains("2.16x wall");
  }

  @Test
  void aReportIsCountedAsAStreamOfTokens(@TempDir Path dir) throws Exception {
    Path report = Files.writeString(dir.resolve("r.json"), """
        {
          "summary" : { "objects" : 7, "findings" : [ 1 ] },
          "objects" : 3,
          "findings" : [ { "rule" : "KPCI-0001", "observed" : [ "a", { "b" : [ ] } ] }, { "rule" : "KPCI-0002" } ],
          "tables" : [ { "rows" : [ [ "x" ] ] } ]
        }
        """);
    assertThat(MeasuredRun.countReport(report)).containsExactly(3, 2);
  }

  @Test
  void aLiveReportIsComparedWithItsSnapshotsButForTheInputsLine(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path live = Files.writeString(dir.resolve("live.json"), """
        {
          "inputs" : [ "cluster https://10.0.0.1:6443" ],
          "objects" : 3
        }
        """);
    Path same = Files.writeString(dir.resolve("same.json"), """
        {
          "inputs" : [ "c.kpci.jsonl.gz (snapshot of cluster https://10.0.0.1:6443)" ],
          "objects" : 3
        }
        """);
    Path other = Files.writeString(dir.resolve("other.json"), """
        {
          "inputs" : [ "c.kpci.jsonl.gz (snapshot of cluster https://10.0.0.1:6443)" ],
          "objects" : 4
        }
        """);
    assertThat(ReportDifference.between(live, same)).isNull();
    assertThat(ReportDifference.between(live, other)).isEqualTo(
        "line 3 differs: live.json has \"objects\" : 3, other.json has \"objects\" : 4");
    assertThat(ReportDifference.between(live, dir.resolve("same.json"))).isNull();
    Path shorter = Files.writeString(dir.resolve("shorter.json"), "{\n");
    assertThat(ReportDifference.between(live, shorter)).isEqualTo("shorter.json ends at line 2");
  }

  @Test
  void theMedianOfPairedRunsCounts() {
    Measurement a = m("assess", "c.json", 1000, 100, 100, 1);
    Measurement b = m("assess", "c.json", 1000, 300, 100, 1);
    Measurement c = m("assess", "c.json", 1000, 200, 100, 1);
    assertThat(BenchmarkSuite.median(List.of(a, b, c))).isSameAs(c);
    assertThat(BenchmarkSuite.median(List.of(a, b))).isSameAs(a);
  }
}
