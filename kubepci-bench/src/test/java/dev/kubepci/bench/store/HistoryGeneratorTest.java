package dev.kubepci.bench.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.json.JsonReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryGeneratorTest {
  /** The example's real report, with its own count of findings. */
  private static JsonReport base(Path dir) throws Exception {
    Path json = dir.resolve("base.json");
    int code = dev.kubepci.cli.Main.run(new String[] {"scan", "../examples/payment-platform/manifests", "--quiet",
        "--fail-on", "none", "-f", "json", "-o", json.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), java.io.InputStream.nullInputStream(),
        Map.of("SOURCE_DATE_EPOCH", "1767232800"));
    assertThat(code).isZero();
    return HistoryGenerator.read(Files.readAllBytes(json));
  }

  @Test
  void eachReportsSummaryCountsItsOwnFindingsNotTheBaseReports(@TempDir Path dir) throws Exception {
    JsonReport base = base(dir);
    int baseFailing = base.summary().findings().values().stream().mapToInt(Integer::intValue).sum();
    HistoryGenerator fleet = new HistoryGenerator(base, 2, 500, 0.01, 7);
    Instant start = Instant.parse("2026-01-01T02:00:00Z");
    for (int day = 0; day < 3; day++) {
      JsonReport r = HistoryGenerator.read(fleet.report(1, day, start));
      long failing = r.findings().stream().filter(f -> "FAIL".equals(f.status())).count();
      long waived = r.findings().stream().filter(f -> "WAIVED".equals(f.status())).count();
      assertThat(r.findings().size()).isBetween(495, 505);
      assertThat(r.summary().findings().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(failing)
          .isNotEqualTo(baseFailing);
      assertThat(r.summary().findings().keySet()).containsExactlyElementsOf(base.summary().findings().keySet());
      assertThat(r.summary().waived()).isEqualTo(waived);
      assertThat(r.summary().scopes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(failing);
    }
  }

  @Test
  void practicesCountTheirOwnFailingFindingsSoThatChurnChangesAFewOfThem(@TempDir Path dir) throws Exception {
    JsonReport base = base(dir);
    HistoryGenerator fleet = new HistoryGenerator(base, 1, 500, 0.01, 7);
    Instant start = Instant.parse("2026-01-01T02:00:00Z");
    java.util.List<JsonReport.Requirement> before = null;
    int changedDays = 0;
    for (int day = 0; day < 10; day++) {
      JsonReport r = HistoryGenerator.read(fleet.report(0, day, start));
      for (JsonReport.Requirement q : r.requirements()) {
        long failing = r.findings().stream()
            .filter(f -> "FAIL".equals(f.status()) && f.requirements().contains(q.id())).count();
        assertThat(q.findings()).as(q.id()).isEqualTo(failing);
      }
      if (before != null) {
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
          if (!before.get(i).equals(r.requirements().get(i))) {
            changed++;
          }
        }
        // 5 findings change a day: a few practices change, never all 42
        assertThat(changed).isLessThan(r.requirements().size() / 2);
        changedDays += changed > 0 ? 1 : 0;
      }
      before = r.requirements();
    }
    assertThat(changedDays).isPositive();
  }
}
