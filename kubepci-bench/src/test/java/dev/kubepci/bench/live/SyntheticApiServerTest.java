package dev.kubepci.bench.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.cli.Main;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotReader;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubepci collects a synthetic cluster from the mock API server page by page, Secrets as metadata only. */
class SyntheticApiServerTest {
  @Test
  void servesTheClusterToAPaginatedCollection(@TempDir Path dir) throws Exception {
    ClusterPlan plan = ClusterPlan.of(600, 4);
    try (SyntheticApiServer server = SyntheticApiServer.start(new SyntheticCluster(plan))) {
      assertThat(server.objects()).isEqualTo(600);
      Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));
      Path snapshot = dir.resolve("cluster.kpci.jsonl.gz");
      StringWriter err = new StringWriter();
      int exit = Main.run(new String[] {"collect", "--kubeconfig", kubeconfig.toString(), "--page-size", "20",
          "--qps", "1000", "--output", snapshot.toString(), "--quiet"}, new PrintWriter(new StringWriter()),
          new PrintWriter(err), new ByteArrayInputStream(new byte[0]), Map.of());
      assertThat(exit).as(err.toString()).isZero();

      Map<String, Integer> kinds = new TreeMap<>();
      SnapshotTrailer[] trailer = new SnapshotTrailer[1];
      SnapshotReader.read(snapshot, new SnapshotSink() {
        @Override
        public void header(SnapshotHeader header) {
          assertThat(header.cluster().server()).isEqualTo(server.url());
        }

        @Override
        public void object(ObjectNode object) {
          kinds.merge(object.path("kind").asText(), 1, Integer::sum);
          if (object.path("kind").asText().equals("Secret")) {
            assertThat(object.has("data")).isFalse();
            assertThat(object.path("type").asText()).isNotEmpty();
          }
        }

        @Override
        public void trailer(SnapshotTrailer t) {
          trailer[0] = t;
        }
      });
      assertThat(kinds.get("Pod")).isEqualTo(plan.pods());
      assertThat(kinds).containsKeys("Namespace", "Node", "Deployment", "ReplicaSet", "NetworkPolicy",
          "ClusterRoleBinding");
      assertThat(trailer[0].objects()).isEqualTo(kinds.values().stream().mapToInt(Integer::intValue).sum());
      // pages of 20: far more list requests than kinds
      assertThat(server.requests()).isGreaterThan(kinds.get("Pod") / 20 + kinds.size());
    }
  }

  @Test
  void aLiveScanReportsWhatAScanOfItsSnapshotReportsButForTheInputsLine(@TempDir Path dir) throws Exception {
    try (SyntheticApiServer server = SyntheticApiServer.start(new SyntheticCluster(ClusterPlan.of(1500, 7)))) {
      Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig"));
      Path snapshot = dir.resolve("cluster.kpci.jsonl.gz");
      Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1736150400");
      // small pages: every bulk kind arrives over several pages, listed ahead of its turn and held until then
      kubepci(env, "collect", "--kubeconfig", kubeconfig.toString(), "--page-size", "50", "--qps", "0",
          "--output", snapshot.toString(), "--quiet");
      kubepci(env, "scan", "--live", "--kubeconfig", kubeconfig.toString(), "--page-size", "50", "--qps", "0",
          "--format", "json", "--output", dir.resolve("live.json").toString(), "--fail-on", "none", "--quiet");
      kubepci(env, "scan", snapshot.toString(), "--format", "json", "--output", dir.resolve("snapshot.json").toString(),
          "--fail-on", "none", "--quiet");

      List<String> live = Files.readAllLines(dir.resolve("live.json"));
      List<String> offline = Files.readAllLines(dir.resolve("snapshot.json"));
      assertThat(live).hasSameSizeAs(offline);
      int inputs = live.indexOf("  \"inputs\" : [ \"cluster " + server.url() + " (context synthetic)\" ],");
      assertThat(inputs).isPositive();
      assertThat(offline.get(inputs)).startsWith("  \"inputs\" : [ \"" + snapshot + " (snapshot of cluster ");
      live.remove(inputs);
      offline.remove(inputs);
      assertThat(live).isEqualTo(offline);
      assertThat(String.join("\n", live)).contains("\"objects\" : ").contains("\"findings\" : [ {");
    }
  }

  private static void kubepci(Map<String, String> env, String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), env);
    assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
  }
}
