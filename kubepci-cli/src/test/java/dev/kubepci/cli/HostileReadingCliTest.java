package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.testing.FakeApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input on the command line: what the user sees and which exit code follows. Out of memory is exit 4 in one
 * line, never 1 ("findings"); a device, a kubeconfig that is not YAML, a snapshot that breaks its schema are usage
 * errors in one line; a snapshot missing objects its trailer claims is an input error, and the rules that needed
 * them are NOT_ASSESSED, never NOT_APPLICABLE.
 */
class HostileReadingCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = Cli.EXAMPLES.resolve("kubepci.yaml").toString();

  @TempDir
  static Path dir;

  private static FakeApiServer cluster;
  private static Path snapshot;

  @BeforeAll
  static void collectTheExample() {
    cluster = LiveClusterTest.exampleCluster();
    snapshot = dir.resolve("example.kpci.jsonl.gz");
    Cli.Run run = Cli.run("collect", "--kubeconfig", cluster.writeKubeconfig(dir).toString(), "--output",
        snapshot.toString(), "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static Path gzip(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static Map<String, String> ruleStatus(String json) throws IOException {
    Map<String, String> status = new TreeMap<>();
    for (JsonNode rule : JSON.readTree(json).path("rules")) {
      status.put(rule.path("id").asText(), rule.path("status").asText());
    }
    return status;
  }

  @Test
  void deletedRoleBindingsAreAnInputErrorAndTheirRulesAreNotAssessed() throws IOException {
    List<String> lines = KubectlScriptTest.lines(snapshot);
    List<String> kept = new ArrayList<>(lines.stream().filter(l -> !l.contains("\"kind\":\"RoleBinding\"")).toList());
    int removed = lines.size() - kept.size();
    assertThat(removed).as("the example has RoleBindings to remove").isPositive();
    ObjectNode trailer = (ObjectNode) JSON.readTree(kept.get(kept.size() - 1));
    trailer.put("objects", trailer.path("objects").asInt() - removed); // the total made to add up again
    kept.set(kept.size() - 1, JSON.writeValueAsString(trailer));
    Path tampered = gzip("tampered.kpci.jsonl.gz", kept);

    Cli.Run honest = Cli.run("scan", snapshot.toString(), "-c", CONFIG, "--format", "json", "--quiet");
    Cli.Run run = Cli.run("scan", tampered.toString(), "-c", CONFIG, "--format", "json", "--quiet");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.INPUT_ERROR.code());
    JsonNode errors = JSON.readTree(run.out()).path("errors");
    assertThat(errors.toString()).contains("the trailer counts").contains("RoleBinding objects but the snapshot holds 0")
        .contains(tampered.toString());
    Map<String, String> before = ruleStatus(honest.out());
    Map<String, String> after = ruleStatus(run.out());
    List<String> failedBefore = before.entrySet().stream().filter(e -> e.getValue().equals("FAIL"))
        .map(Map.Entry::getKey).toList();
    assertThat(failedBefore).isNotEmpty();
    for (String id : failedBefore) {
      assertThat(after.get(id)).as(id).isIn("FAIL", "NOT_ASSESSED");
    }
    assertThat(after.values()).contains("NOT_ASSESSED");
    assertThat(after.entrySet().stream().filter(e -> e.getValue().equals("NOT_APPLICABLE")).map(Map.Entry::getKey))
        .containsExactlyInAnyOrderElementsOf(before.entrySet().stream()
            .filter(e -> e.getValue().equals("NOT_APPLICABLE")).map(Map.Entry::getKey).toList());
  }

  @Test
  void aTrailerWithoutKindsIsRefusedInOneLine() throws IOException {
    List<String> lines = new ArrayList<>(KubectlScriptTest.lines(snapshot));
    ObjectNode trailer = (ObjectNode) JSON.readTree(lines.get(lines.size() - 1));
    trailer.putNull("kinds");
    lines.set(lines.size() - 1, JSON.writeValueAsString(trailer));
    Path file = gzip("null-kinds.kpci.jsonl.gz", lines);

    Cli.Run run = Cli.run("scan", file.toString(), "--quiet");

    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("kubepci: " + file + ": line " + lines.size()
        + ": the SnapshotTrailer does not follow the snapshot schema").contains("kinds").hasLineCount(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aCharacterDeviceIsAUsageErrorInOneLine() {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
    Cli.Run run = Cli.run("scan", "/dev/zero", "--quiet");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).isEqualTo("kubepci: /dev/zero is a character device, not a file kubepci reads; give "
        + "manifests as files, or pipe them into standard input (-)\n");
  }

  @Test
  void aKubeconfigThatIsNotYamlIsAUsageErrorNamingTheLine() throws IOException {
    Path kubeconfig = Files.writeString(dir.resolve("broken-kubeconfig"), "apiVersion: v1\nclusters: [a\n\t{{{\n");
    Cli.Run run = Cli.run("scan", "--kubeconfig", kubeconfig.toString(), "--quiet");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("kubepci: cannot use kubeconfig " + kubeconfig + ": not valid YAML: ")
        .contains("(line 3, column ").hasLineCount(1);
  }

  @Test
  void aSymbolicLinkLoopIsAnInputErrorAndTheRestIsAssessed() throws IOException {
    Path root = Files.createDirectories(dir.resolve("loop"));
    Files.writeString(root.resolve("pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
          - name: web
            image: nginx:1.27
        """);
    Files.createSymbolicLink(root.resolve("again"), root);

    Cli.Run run = Cli.run("scan", root.toString(), "--format", "json", "--quiet");

    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(JSON.readTree(run.out()).path("errors").toString()).contains("symbolic link loop");
    assertThat(JSON.readTree(run.out()).path("objects").asInt()).isEqualTo(1);
  }

  /** A real out-of-memory error, in a JVM of its own with a small heap: the test's JVM must not be the victim. */
  @Test
  void outOfMemoryIsExitFourInOneLineWithoutAStackTrace() throws Exception {
    Path line = dir.resolve("one-long-line.yaml");
    Files.writeString(line, "a: " + "b".repeat(8_000_000) + "\n");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx16m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "scan", line.toString(), "--quiet")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.INTERNAL.code());
    assertThat(err).startsWith("kubepci: internal error: out of memory (").contains("-Xmx").hasLineCount(1)
        .doesNotContain("\tat ");
  }
}
