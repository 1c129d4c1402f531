package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kubepci.testing.FakeApiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots on the command line: what collect writes, how scan recognises, combines and refuses them. */
class ScanSnapshotTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(Path.of("..", "schemas", "kubepci-snapshot.schema.json").toUri());

  @TempDir
  static Path dir;

  private static FakeApiServer cluster;
  private static Path snapshot;

  static Set<ValidationMessage> validateLine(String line) throws IOException {
    return SCHEMA.validate(JSON.readTree(line));
  }

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

  @Test
  void headerAndTrailerFollowTheSchema() throws IOException {
    List<String> lines = KubectlScriptTest.lines(snapshot);
    assertThat(validateLine(lines.get(0))).isEmpty();
    assertThat(validateLine(lines.get(lines.size() - 1))).isEmpty();
    assertThat(validateLine(lines.get(1))).as("an object line is neither header nor trailer").isNotEmpty();
    assertThat(validateLine(lines.get(0).replace("\"formatVersion\":1", "\"formatVersion\":2"))).isNotEmpty();
    assertThat(validateLine(lines.get(lines.size() - 1).replace("\"outcome\":\"collected\"", "\"outcome\":\"maybe\"")))
        .isNotEmpty();
  }

  @Test
  void collectSaysWhatItWroteAndWhatItCouldNot() throws IOException {
    try (FakeApiServer restricted = LiveClusterTest.exampleCluster().forbid("rolebindings.rbac.authorization.k8s.io")) {
      Path out = dir.resolve("restricted.kpci.jsonl.gz");
      Cli.Run run = Cli.run("collect", "--kubeconfig",
          restricted.writeKubeconfig(Files.createDirectories(dir.resolve("r"))).toString(), "--output",
          out.toString());
      assertThat(run.code()).isZero();
      assertThat(run.out()).startsWith("Wrote " + out + ": ")
          .contains("Not collected (the rules that need these will be NOT_ASSESSED):\n")
          .contains("\n  RoleBinding: forbidden: the identity " + FakeApiServer.IDENTITY
              + " cannot list rolebindings.rbac.authorization.k8s.io");
      assertThat(run.err()).contains("RoleBinding not collected: forbidden");
    }
  }

  @Test
  void aSnapshotCompletedByFilesAssessesBoth() throws IOException {
    Path extra = Files.writeString(dir.resolve("extra.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: extra
          namespace: shop
        spec:
          containers:
            - name: app
              image: app:latest
        """);
    JsonNode alone = JSON.readTree(Cli.run("scan", snapshot.toString(), "--format", "json").out());
    JsonNode both = JSON.readTree(Cli.run("scan", snapshot.toString(), extra.toString(), "--format", "json").out());

    assertThat(both.get("objects").asInt()).isEqualTo(alone.get("objects").asInt() + 1);
    assertThat(both.get("inputs")).hasSize(2);
    assertThat(both.at("/inputs/1").asText()).isEqualTo(extra.toString());
    assertThat(both.get("findings").toString()).contains("\"name\":\"extra\"").contains(extra.toString());
  }

  @Test
  void kindsASnapshotNeverListedAreGapsNotPasses() throws IOException {
    Path narrow = dir.resolve("narrow.kpci.jsonl.gz");
    Cli.Run collect = Cli.run("collect", "--kubeconfig", dir.resolve("kubeconfig").toString(), "--output",
        narrow.toString(), "--rule", "cluster-admin-binding", "--quiet");
    assertThat(collect.code()).as(collect.err()).isZero();

    JsonNode report = JSON.readTree(Cli.run("scan", narrow.toString(), "--format", "json", "--fail-on", "none").out());

    var catalog = dev.kubepci.rules.BuiltInRules.catalog();
    // what the collection listed: the rule's reads, and the kinds every collection lists (Namespace, Node)
    java.util.Set<String> listed = new java.util.HashSet<>(catalog.find("KPCI-0008").orElseThrow().reads());
    listed.addAll(dev.kubepci.collect.cluster.ClusterCollector.ALWAYS);
    for (JsonNode rule : report.get("rules")) {
      // kubepci's own evidence kinds (kubeconfig files) are never a collection's to list
      var reads = catalog.find(rule.get("id").asText()).orElseThrow().reads().stream()
          .filter(k -> !k.startsWith(dev.kubepci.model.Coverage.EVIDENCE_GROUP + "/")).toList();
      if (listed.containsAll(reads)) {
        // reads only what the collection listed: decided from the snapshot
        assertThat(rule.get("status").asText()).as(rule.get("id").asText()).isNotEqualTo("NOT_ASSESSED");
      } else {
        assertThat(rule.get("status").asText()).as(rule.get("id").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(rule.get("reason").asText()).contains("it was taken for other rules");
      }
    }
  }

  @Test
  void refusesTwoSnapshotsOrASnapshotWithLive() throws IOException {
    Path copy = Files.copy(snapshot, dir.resolve("copy.kpci.jsonl.gz"));
    Cli.Run two = Cli.run("scan", snapshot.toString(), copy.toString());
    assertThat(two.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(two.err()).startsWith("kubepci: give one snapshot at a time");
    Cli.Run live = Cli.run("scan", "--live", snapshot.toString());
    assertThat(live.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(live.err()).startsWith("kubepci: --live and a snapshot cannot be combined");
  }

  @Test
  void aDamagedSnapshotIsOneLineAndNoReport() throws IOException {
    Path cut = dir.resolve("cut.kpci.jsonl.gz");
    List<String> lines = KubectlScriptTest.lines(snapshot);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(cut))) {
      out.write(String.join("\n", lines.subList(0, lines.size() - 1)).getBytes(StandardCharsets.UTF_8));
    }
    Cli.Run run = Cli.run("scan", cut.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).isEqualTo("kubepci: " + cut + ": the snapshot is cut short (no SnapshotTrailer line after "
        + (lines.size() - 2) + " objects)\n");
    assertThat(run.out()).isEmpty();
  }
}
