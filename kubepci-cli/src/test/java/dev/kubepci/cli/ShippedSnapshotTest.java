package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.testing.FakeApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example ships the snapshot {@code kubepci collect} writes of its cluster, so that the README's Snapshots
 * section runs offline as written. It is the example cluster served by the fake API server and collected, with the
 * server's random local address replaced by the example's and the objects' creation time fixed: the test fails when collection or the example changes
 * and the file was not regenerated ({@code -Dkubepci.snapshot.update=true}).
 */
class ShippedSnapshotTest {
  static final Path SHIPPED = Cli.EXAMPLES.resolve("snapshot").resolve("pci-prod.kpci.jsonl.gz");
  private static final String SERVER = "https://pci-prod.payments.example:6443";

  @TempDir
  Path dir;

  @Test
  void theShippedSnapshotIsTheExampleClusterAsCollectWritesIt() throws IOException {
    try (FakeApiServer cluster = LiveClusterTest.exampleCluster()) {
      Path kubeconfig = cluster.writeKubeconfig(dir);
      Path fresh = dir.resolve("fresh.kpci.jsonl.gz");
      Cli.Run run = Cli.run("collect", "--kubeconfig", kubeconfig.toString(), "--output", fresh.toString());
      assertThat(run.code()).as(run.err()).isZero();
      // the fake server stamps objects with the time they were created: the example's objects get a fixed one
      List<String> collected = KubectlScriptTest.lines(fresh).stream().map(l -> l.replace(cluster.url(), SERVER)
          .replaceAll("\"creationTimestamp\":\"[^\"]*\"", "\"creationTimestamp\":\"2025-12-01T08:00:00Z\""))
          .toList();
      if (Boolean.getBoolean("kubepci.snapshot.update")) {
        Files.createDirectories(SHIPPED.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(SHIPPED))) {
          out.write((String.join("\n", collected) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      assertThat(KubectlScriptTest.lines(SHIPPED))
          .as("%s is stale: regenerate it with -Dkubepci.snapshot.update=true", SHIPPED)
          .isEqualTo(collected);
    }
  }

  @Test
  void theShippedSnapshotScansAsTheFilesItCameFrom() {
    Cli.Run run = Cli.run("scan", SHIPPED.toString(), "--fail-on", "none");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Summary: 42 practices");
  }
}
