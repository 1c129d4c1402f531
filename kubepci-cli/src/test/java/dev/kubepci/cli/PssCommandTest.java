package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PssCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
      .getSchema(Path.of("..", "schemas", "kubepci-pss.schema.json").toUri());

  /** A Deployment that breaks baseline, one of its Pods (owned, still judged on its own), a ConfigMap to skip. */
  private static final String MIXED = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: agent
        namespace: ops
        uid: d-1
      spec:
        template:
          spec:
            hostNetwork: true
            containers:
              - name: agent
                image: agent:1
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: agent-abc
        namespace: ops
        ownerReferences:
          - apiVersion: apps/v1
            kind: Deployment
            name: agent
            uid: d-1
      spec:
        containers:
          - name: agent
            image: agent:1
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        namespace: ops
      data:
        a: b
      """;

  /** Meets restricted except seccomp, which restricted requires from v1.19 on. */
  private static final String NO_SECCOMP = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: api
        namespace: payments
      spec:
        securityContext:
          runAsNonRoot: true
        containers:
          - name: api
            image: api:1
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop: ["ALL"]
      """;

  private static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void jsonHasOneSchemaValidVerdictPerObjectWithAPodSpec(@TempDir Path dir) throws IOException {
    Path file = write(dir, "mixed.yaml", MIXED);
    Cli.Run run = Cli.run("pss", "--level", "baseline", "--version", "v1.30", "--format", "json", file.toString());
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.FINDINGS.code());
    JsonNode out = JSON.readTree(run.out());
    assertThat(SCHEMA.validate(out)).isEmpty();
    assertThat(out).hasSize(2);
    JsonNode deployment = out.get(0);
    assertThat(deployment.at("/resource/kind").asText()).isEqualTo("Deployment");
    assertThat(deployment.at("/resource/namespace").asText()).isEqualTo("ops");
    assertThat(deployment.at("/resource/source/file").asText()).isEqualTo(file.toString());
    assertThat(deployment.at("/resource/source/document").asInt()).isEqualTo(1);
    assertThat(deployment.at("/resource/source/line").asInt()).isEqualTo(1);
    assertThat(deployment.get("level").asText()).isEqualTo("baseline");
    assertThat(deployment.get("version").asText()).isEqualTo("v1.30");
    assertThat(deployment.get("allowed").asBoolean()).isFalse();
    assertThat(deployment.at("/violations/0/check").asText()).isEqualTo("hostNamespaces");
    assertThat(deployment.at("/violations/0/path").asText()).isEqualTo("spec.template.spec.hostNetwork");
    JsonNode pod = out.get(1);
    assertThat(pod.at("/resource/name").asText()).isEqualTo("agent-abc");
    assertThat(pod.at("/resource/source/document").asInt()).isEqualTo(2);
    assertThat(pod.get("allowed").asBoolean()).isTrue();
    assertThat(pod.get("violations")).isEmpty();
  }

  @Test
  void terminalShowsVerdictsFieldsAndSkippedObjects(@TempDir Path dir) throws IOException {
    Path file = write(dir, "mixed.yaml", MIXED);
    Cli.Run run = Cli.run("pss", "--level", "baseline", file.toString());
    assertThat(run.code()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(run.out()).contains("Pod Security Standards: baseline, policy version latest")
        .contains("DENIED   Deployment/ops/agent")
        .contains("host namespaces (hostNetwork=true)")
        .contains("hostNamespaces at spec.template.spec.hostNetwork")
        .contains("ALLOWED  Pod/ops/agent-abc")
        .contains("1 object without a pod spec skipped: ConfigMap (1)")
        .contains("Summary: 2 objects evaluated at baseline (latest): 1 allowed, 1 denied; 0 input errors")
        .doesNotContain("\u001b[");
  }

  @Test
  void judgesAtTheRequestedPolicyVersion(@TempDir Path dir) throws IOException {
    Path file = write(dir, "api.yaml", NO_SECCOMP);
    Cli.Run pinned = Cli.run("pss", "--level", "restricted", "--version", "v1.18", file.toString());
    assertThat(pinned.code()).as(pinned.out()).isEqualTo(ExitCode.OK.code());
    Cli.Run latest = Cli.run("pss", "--format", "json", file.toString());
    assertThat(latest.code()).isEqualTo(ExitCode.FINDINGS.code());
    List<String> checks = new ArrayList<>();
    JSON.readTree(latest.out()).get(0).get("violations").forEach(v -> checks.add(v.get("check").asText()));
    assertThat(checks).containsExactly("seccompProfile_restricted");
  }

  @Test
  void readsStandardInputAndWritesToAFile(@TempDir Path dir) throws IOException {
    Path report = dir.resolve("out/pss.json");
    Cli.Run run = Cli.runWithStdin(NO_SECCOMP, "pss", "--version", "v1.18", "--format", "json", "--output",
        report.toString(), "-");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    JsonNode out = JSON.readTree(Files.readString(report));
    assertThat(out.at("/0/resource/source/file").asText()).isEqualTo("-");
  }

  @Test
  void evaluatesTheExamplePlatform() throws IOException {
    Cli.Run run = Cli.run("pss", "--level", "baseline", "--format", "json", Cli.MANIFESTS);
    assertThat(run.code()).isEqualTo(ExitCode.FINDINGS.code());
    JsonNode out = JSON.readTree(run.out());
    assertThat(SCHEMA.validate(out)).isEmpty();
    List<String> denied = new ArrayList<>();
    out.forEach(e -> {
      if (!e.get("allowed").asBoolean()) {
        denied.add(e.at("/resource/kind").asText() + "/" + e.at("/resource/name").asText());
      }
    });
    assertThat(denied).containsExactlyInAnyOrder("DaemonSet/calico-node", "DaemonSet/falco", "DaemonSet/fluent-bit",
        "DaemonSet/node-exporter");
  }

  @Test
  void rejectsBadLevelsVersionsFormatsAndMissingInput() {
    assertThat(Cli.run("pss", "--level", "strict", "x.yaml").err())
        .contains("--level: unknown Pod Security level \"strict\"");
    assertThat(Cli.run("pss", "--version", "1.x", "x.yaml").code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Cli.run("pss", "--format", "sarif", "x.yaml").err()).contains("expected terminal or json");
    assertThat(Cli.run("pss").err()).contains("no input given");
    assertThat(Cli.run("pss", "does-not-exist.yaml").code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(Cli.run("pss", "--help").out()).startsWith("Usage: kubepci pss").contains("--version=VERSION");
  }

  @Test
  void reportsInputErrorsAndStillEvaluatesTheRest(@TempDir Path dir) throws IOException {
    Path file = write(dir, "broken.yaml", NO_SECCOMP + "---\nkind: Pod\nmetadata: [oops\n");
    Cli.Run run = Cli.run("pss", "--version", "v1.18", "--format", "json", file.toString());
    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(JSON.readTree(run.out())).hasSize(1);
    assertThat(run.err()).contains("broken.yaml").contains("1 input error(s)");
  }

  @Test
  void readsASnapshotAsTheClusterItWasTakenFrom() throws IOException {
    Path snapshot = Cli.EXAMPLES.resolve("snapshot").resolve("pci-prod.kpci.jsonl.gz");
    Cli.Run fromSnapshot = Cli.run("pss", "--level", "baseline", "--format", "json", snapshot.toString());
    Cli.Run fromDump = Cli.run("pss", "--level", "baseline", "--format", "json", Cli.DUMP);

    assertThat(fromSnapshot.err()).isEmpty();
    JsonNode verdicts = JSON.readTree(fromSnapshot.out());
    assertThat(verdicts.size()).isPositive();
    assertThat(verdicts.size()).isEqualTo(JSON.readTree(fromDump.out()).size());
    assertThat(fromSnapshot.code()).isEqualTo(fromDump.code());
  }
}
