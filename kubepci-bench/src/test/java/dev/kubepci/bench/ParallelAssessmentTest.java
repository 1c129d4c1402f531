package dev.kubepci.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.OutputFormat;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.FileCollector;
import dev.kubepci.config.KubepciConfig;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running the rules in parallel changes nothing in a report: the JSON report of a generated cluster and of the
 * example manifests is byte for byte the same with one thread as with several.
 */
class ParallelAssessmentTest {
  private static final String THREADS = "kubepci.threads";

  private static String reportWith(int threads, List<String> paths) throws Exception {
    String before = System.getProperty(THREADS);
    System.setProperty(THREADS, Integer.toString(threads));
    try {
      // read again for each run: no view derived from the inventory by one run is reused by the other
      CollectedInput input = FileCollector.collect(paths, new ByteArrayInputStream(new byte[0]), n -> { });
      return CompactAssessmentTest.reportOf(input, KubepciConfig.EMPTY);
    } finally {
      if (before == null) {
        System.clearProperty(THREADS);
      } else {
        System.setProperty(THREADS, before);
      }
    }
  }

  @Test
  void aGeneratedClusterIsReportedTheSameWithOneThreadOrFour(@TempDir Path dir) throws Exception {
    Path dump = dir.resolve("cluster.json");
    OutputFormat.JSON.write(new SyntheticCluster(ClusterPlan.of(2_000, 21)), dump);
    List<String> paths = List.of(dump.toString());
    String sequential = reportWith(1, paths);
    assertThat(sequential).contains("\"findings\"");
    for (int run = 0; run < 3; run++) {
      assertThat(reportWith(4, paths)).isEqualTo(sequential);
    }
  }

  @Test
  void theExampleManifestsAreReportedTheSameWithOneThreadOrFour() throws Exception {
    List<String> paths = List.of(Path.of("..", "examples", "payment-platform").toString());
    assertThat(reportWith(4, paths)).isEqualTo(reportWith(1, paths));
  }
}
