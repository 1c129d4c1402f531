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
}
