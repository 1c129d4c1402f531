package dev.kubepci.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.DumpWriter;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.config.KubepciConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default JSON report describes findings, never the objects read: clean input adds nothing to it. */
class ReportSizeTest {
  @Test
  void growsWithFindingsNotWithInput(@TempDir Path dir) throws IOException {
    Path dump = dir.resolve("cluster.yaml");
    try (OutputStream out = Files.newOutputStream(dump)) {
      DumpWriter.write(new SyntheticCluster(ClusterPlan.of(1_000, 3)), DumpWriter.Format.YAML, out);
    }
    // a thousand more objects that no rule fails: large ConfigMaps and Events with a value that must not leak
    StringBuilder clean = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      clean.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-").append(i)
          .append("\n  namespace: default\ndata:\n  payload: RAW-OBJECT-CONTENT-").append("x".repeat(2_000))
          .append("\n---\napiVersion: v1\nkind: Event\nmetadata:\n  name: ev-").append(i)
          .append("\n  namespace: default\ninvolvedObject:\n  kind: Pod\n  name: p\nreason: RAW-EVENT-REASON\n");
    }
    Path extra = dir.resolve("clean.yaml");
    Files.writeString(extra, clean, StandardCharsets.UTF_8);

    String base = report(List.of(dump.toString()));
    String more = report(List.of(dump.toString(), extra.toString()));

    assertThat(more).doesNotContain("RAW-OBJECT-CONTENT").doesNotContain("RAW-EVENT-REASON");
    // the same findings: only the object count, the input list and pass counts differ
    assertThat(findings(more)).isEqualTo(findings(base));
    // evidence tables may gain a row for the namespace the clean objects sit in; never the objects themselves
    assertThat(more.length()).isBetween(base.length(), base.length() + (int) (Files.size(extra) / 100));
    assertThat(Files.size(extra)).isGreaterThan(2_000_000);
  }

  private static String report(List<String> paths) throws IOException {
    return CompactAssessmentTest.reportOf(CompactAssessmentTest.readCompact(paths), KubepciConfig.EMPTY);
  }

  private static String findings(String report) {
    int start = report.indexOf("\"findings\" : [");
    int end = report.indexOf("\"tables\" : [", start);
    return end < 0 ? report.substring(start) : report.substring(start, end);
  }
}
