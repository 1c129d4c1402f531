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
import java.nio.file.Path;
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
}
