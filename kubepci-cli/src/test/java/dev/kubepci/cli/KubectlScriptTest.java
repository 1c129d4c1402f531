package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.cluster.ClusterCollection;
import dev.kubepci.collect.cluster.ClusterCollector;
import dev.kubepci.collect.cluster.ClusterTarget;
import dev.kubepci.collect.cluster.CollectionListener;
import dev.kubepci.collect.cluster.CollectionOptions;
import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.rules.BuiltInRules;
import dev.kubepci.testing.FakeApiServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/collect-with-kubectl.sh writes the snapshot kubepci writes. Run with the real kubectl, jq, curl and
 * gzip against the example cluster on the mock API server when those tools are installed; the list of kinds the
 * script collects is checked against the rules always.
 */
class KubectlScriptTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "collect-with-kubectl.sh");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EPOCH = "1767261600";

  @TempDir
  Path dir;

  @Test
  void collectsExactlyTheKindsTheBuiltInRulesRead() throws IOException {
    List<String> listed = new ArrayList<>();
    boolean inside = false;
    for (String line : Files.readAllLines(SCRIPT)) {
      if (line.equals("# END KINDS")) {
        inside = false;
      } else if (inside && line.trim().startsWith("\"")) {
        listed.add(line.trim().replace("\"", ""));
      } else if (line.equals("# BEGIN KINDS")) {
        inside = true;
      }
    }
    List<String> expected = new ArrayList<>();
    for (String read : ClusterCollector.plan(dev.kubepci.scan.Scanner.reads(BuiltInRules.catalog().rules()))) {
      String group = read.contains("/") ? read.substring(0, read.lastIndexOf('/'))
          : KnownResources.forRead(read).map(KnownResources.Known::group).orElse("?");
      expected.add(read + " " + (group.isEmpty() ? "-" : group));
    }
    assertThat(listed).as("the KINDS list of %s is stale; it should read:%n%s", SCRIPT,
        String.join("\n", expected.stream().map(e -> "  \"" + e + "\"").toList())).isEqualTo(expected);
  }

  @Test
  void itsSnapshotScansAsTheLiveClusterDoes() throws Exception {
    assumeTools();
    try (FakeApiServer cluster = LiveClusterTest.exampleCluster()) {
      Path kubeconfig = cluster.writeKubeconfig(dir);
      Path snapshot = dir.resolve("by-kubectl.kpci.jsonl.gz");

      Script run = script(kubeconfig, "--output", snapshot.toString());

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("Wrote " + snapshot + ": ");
      JsonNode offline = json(Cli.run("scan", snapshot.toString(), "--format", "json", "--fail-on", "none"));
      JsonNode live = json(Cli.run("scan", "--kubeconfig", kubeconfig.toString(), "--format", "json",
          "--fail-on", "none"));
      assertThat(offline.at("/inputs/0").asText()).startsWith(snapshot + " (snapshot of cluster " + cluster.url());
      ((ObjectNode) offline).remove("inputs");
      ((ObjectNode) live).remove("inputs");
      assertThat(LiveClusterTest.differences(live, offline)).isEmpty();

      List<String> lines = lines(snapshot);
      JsonNode header = JSON.readTree(lines.get(0));
      assertThat(header.at("/producer/name").asText()).isEqualTo("collect-with-kubectl.sh");
      assertThat(header.at("/cluster/context").asText()).isEqualTo("fake");
      assertThat(header.at("/collectedAt").asText()).isEqualTo("2026-01-01T10:00:00Z");
      assertThat(ScanSnapshotTest.validateLine(lines.get(0))).isEmpty();
      assertThat(ScanSnapshotTest.validateLine(lines.get(lines.size() - 1))).isEmpty();
    }
  }

  @Test
  void itListsSecretsAsMetadataOnlyLikeKubepci() throws Exception {
    assumeTools();
    try (FakeApiServer cluster = LiveClusterTest.exampleCluster()) {
      Path kubeconfig = cluster.writeKubeconfig(dir);
      Path byScript = dir.resolve("secrets-kubectl.kpci.jsonl.gz");
      Path byKubepci = dir.resolve("secrets-kubepci.kpci.jsonl.gz");

      Script run = script(kubeconfig, "--kinds", "Secret", "--chunk-size", "5", "--output", byScript.toString());
      assertThat(run.code()).as(run.err()).isZero();
      new ClusterCollection(ClusterTarget.resolve(kubeconfig, null, Map.of()), CollectionOptions.DEFAULTS,
          List.of("Secret"), new SnapshotHeader.Producer("kubepci", "test"), Instant.ofEpochSecond(1767261600L),
          CollectionListener.NONE).snapshot(byKubepci);

      assertThat(cluster.secretDataRequests()).isEmpty();
      List<JsonNode> scripted = objects(byScript);
      List<JsonNode> collected = objects(byKubepci);
      assertThat(scripted).isEqualTo(collected);
      List<JsonNode> secrets = scripted.stream().filter(o -> o.path("kind").asText().equals("Secret")).toList();
      assertThat(secrets).isNotEmpty().allSatisfy(s -> {
        assertThat(s.has("data")).isFalse();
        assertThat(s.has("stringData")).isFalse();
        assertThat(s.path("type").asText()).isNotEmpty();
      });
      JsonNode trailer = JSON.readTree(lines(byScript).get(lines(byScript).size() - 1));
      assertThat(trailer.at("/kinds").toString()).contains("{\"read\":\"Secret\",\"group\":\"\",\"version\":\"v1\","
          + "\"resource\":\"secrets\",\"namespaced\":true,\"outcome\":\"collected\",\"count\":" + secrets.size() + "}");
    }
  }

  @Test
  void aForbiddenKindGivesTheSameVerdictAsLive() throws Exception {
    assumeTools();
    try (FakeApiServer cluster = LiveClusterTest.exampleCluster()
        .forbid("clusterrolebindings.rbac.authorization.k8s.io")) {
      Path kubeconfig = cluster.writeKubeconfig(dir);
      Path snapshot = dir.resolve("forbidden.kpci.jsonl.gz");

      // the kinds one RBAC rule reads: a live scan of that rule lists no more (the full list runs in the test above)
      Script run = script(kubeconfig, "--kinds", "ClusterRoleBinding,RoleBinding", "--output", snapshot.toString());

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.err()).contains("ClusterRoleBinding not collected: clusterrolebindings.rbac.authorization.k8s.io"
          + " is forbidden");
      JsonNode offline = json(Cli.run("scan", snapshot.toString(), "--format", "json", "--fail-on", "none",
          "--rule", "cluster-admin-binding"));
      JsonNode live = json(Cli.run("scan", "--kubeconfig", kubeconfig.toString(), "--format", "json",
          "--fail-on", "none", "--quiet", "--rule", "cluster-admin-binding"));
      assertThat(offline.get("rules")).isEqualTo(live.get("rules"));
      assertThat(offline.get("requirements")).isEqualTo(live.get("requirements"));
      assertThat(offline.get("rules").toString()).contains("could not read ClusterRoleBinding: forbidden: the identity "
          + FakeApiServer.IDENTITY + " cannot list clusterrolebindings.rbac.authorization.k8s.io");
    }
  }

  @Test
  void anUnusableContextOrServerGivesOneLineOfItsOwn() throws Exception {
    assumeTools();
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
        contexts: [{name: ctx, context: {cluster: c, user: u}}]
        users: [{name: u, user: {token: not-a-secret}}]
        current-context: ctx
        """);
    Script badContext = script(kubeconfig, "--context", "nope", "--output", dir.resolve("a.gz").toString());
    assertThat(badContext.code()).isEqualTo(2);
    assertThat(badContext.err().lines().toList()).singleElement().asString()
        .startsWith("collect-with-kubectl: no usable kubeconfig context: ").contains("nope");
    Script unreachable = script(kubeconfig, "--request-timeout", "5s", "--output", dir.resolve("b.gz").toString());
    assertThat(unreachable.code()).isEqualTo(3);
    assertThat(unreachable.err().lines().toList()).singleElement().asString()
        .startsWith("collect-with-kubectl: cannot reach the Kubernetes API server at https://127.0.0.1:1: ");
    assertThat(dir.resolve("a.gz")).doesNotExist();
    assertThat(dir.resolve("b.gz")).doesNotExist();
  }

  private record Script(int code, String out, String err) {}

  private Script script(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SOURCE_DATE_EPOCH", EPOCH);
    pb.environment().remove("KUBECONFIG");
    pb.redirectOutput(dir.resolve("script.out").toFile());
    pb.redirectError(dir.resolve("script.err").toFile());
    Process p = pb.start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the script did not finish in 10 minutes");
    }
    return new Script(p.exitValue(), Files.readString(dir.resolve("script.out")),
        Files.readString(dir.resolve("script.err")));
  }

  private static void assumeTools() {
    for (String tool : List.of("bash", "kubectl", "jq", "curl", "gzip")) {
      assumeTrue(onPath(tool), tool + " is not installed: the script is not run");
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode json(Cli.Run run) throws IOException {
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  static List<String> lines(Path snapshot) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(snapshot)), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  private static List<JsonNode> objects(Path snapshot) throws IOException {
    List<String> lines = lines(snapshot);
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }
}
