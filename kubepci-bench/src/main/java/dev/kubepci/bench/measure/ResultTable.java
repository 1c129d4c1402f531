package dev.kubepci.bench.measure;

import java.util.List;
import java.util.Locale;

/** The benchmark's figures as a Markdown table, the form the README quotes. */
public final class ResultTable {
  private ResultTable() {}

  public static String markdown(BenchmarkSuite.Result result) {
    StringBuilder sb = new StringBuilder();
    sb.append("| objects | input | run | process wall s | process CPU s | work wall s | work CPU s | objects/s | "
        + "peak heap MB | heap after GC MB | peak RSS MB | report KB | findings |\n");
    sb.append("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Measurement m : result.measurements()) {
      boolean floor = m.mode().equals(BenchmarkSuite.FLOOR_MODE);
      if (floor) {
        sb.append(String.format(Locale.ROOT, "| %,d | %s | floor: jq | %.2f | %.2f | | | | | | | | |%n",
            m.objects(), m.format(), m.processMillis() / 1000.0, m.processCpuMillis() / 1000.0));
        continue;
      }
      sb.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.2f | %.2f | %.2f | %.2f | %,.0f | %d | %d | %d | %s | %s |%n",
          m.objects(), m.format(), label(m.mode()), m.processMillis() / 1000.0, m.processCpuMillis() / 1000.0,
          m.millis() / 1000.0, m.cpuMillis() / 1000.0, m.objectsPerSecond(), BenchmarkSuite.mb(m.peakHeapBytes()),
          BenchmarkSuite.mb(m.peakLiveHeapBytes()), BenchmarkSuite.mb(m.peakRssBytes()),
          m.reportBytes() == 0 ? "-" : String.format(Locale.ROOT, "%,d", m.reportBytes() / 1024),
          m.findings() > 0 ? String.format(Locale.ROOT, "%,d", m.findings()) : "-"));
    }
    for (BenchmarkSuite.Failure f : result.failures()) {
      sb.append(String.format(Locale.ROOT, "| %,d | | %s | failed: %s | | | | | | | | | |%n", f.objects(), f.mode(),
          f.reason()));
    }
    sb.append('\n');
    for (BenchmarkSuite.Check c : result.checks()) {
      sb.append(c.holds() ? "- [x] " : "- [ ] ").append(c.target()).append(": ").append(c.detail()).append('\n');
    }
    return sb.toString();
  }

  static String label(String mode) {
    return switch (mode) {
      case "read" -> "(a) read";
      case "assess" -> "(b) assess";
      case "live" -> "(c) live scan";
      case "collect" -> "(d) live collect";
      default -> mode;
    };
  }

  static String sizes(List<Integer> sizes) {
    return String.join(", ", sizes.stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList());
  }
}
