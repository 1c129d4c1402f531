package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and unusual manifest text, read end to end through the command line: YAML anchors, aliases and merge keys,
 * empty values, alias bombs, encodings other than UTF-8, invalid bytes, lone surrogates and values over the API
 * server's limits. Each case checks that what the text means is what the checks see, or that the document is one
 * clear input error while the rest is still assessed.
 */
class HostileParsingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static JsonNode scanJson(Path file) throws IOException {
    Cli.Run run = Cli.run("scan", "--format", "json", file.toString());
    assertThat(run.err()).doesNotContain("internal error");
    return JSON.readTree(run.out());
  }

  private static List<JsonNode> findings(JsonNode report, String rule) {
    List<JsonNode> found = new ArrayList<>();
    report.get("findings").forEach(f -> {
      if (rule.equals(f.get("rule").asText())) {
        found.add(f);
      }
    });
    return found;
  }

  private static List<String> errors(JsonNode report) {
    List<String> messages = new ArrayList<>();
    report.get("errors").forEach(e -> messages.add(e.at("/source/line").asInt() + " " + e.get("message").asText()));
    return messages;
  }

  /** A privileged securityContext reached through a merge key, an alias, and a merge key overridden after it. */
  private static final String MERGED = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: merged
              image: nginx:1.25
              securityContext: &sc
                <<: {privileged: true, runAsNonRoot: false}
                runAsNonRoot: true
            - name: aliased
              image: nginx:1.25
              securityContext: *sc
            - name: overridden
              image: nginx:1.25
              securityContext:
                <<: *sc
                privileged: false
      """;

  @Test
  void privilegedThroughAMergeKeyOrAnAliasFailsThePrivilegedCheckAtTheLineItArrivesOn() throws IOException {
    Path file = write("merged.yaml", MERGED);
    JsonNode report = scanJson(file);
    assertThat(errors(report)).isEmpty();
    List<JsonNode> privileged = findings(report, "KPCI-0001");
    assertThat(privileged).extracting(f -> f.get("message").asText())
        .containsExactly("container \"merged\" runs privileged", "container \"aliased\" runs privileged");
    // the field itself is not written in the file: the finding points at the securityContext it came through
    assertThat(privileged).extracting(f -> f.at("/resource/source/fieldLine").asInt()).containsExactly(12, 17);
  }

  @Test
  void podSecurityStandardsSeeAPodSpecMergedFromAnAnchor() throws IOException {
    Path file = write("pss.yaml", """
        x-host: &host
          hostNetwork: true
          hostPID: true
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent, namespace: ops}
        spec:
          template:
            spec: &spec
              <<: [{hostNetwork: false, hostIPC: false}, {hostNetwork: true, hostPID: true}]
              containers:
              - name: agent
                image: agent:1
                securityContext:
                  <<: {privileged: true}
        """);
    Cli.Run run = Cli.run("pss", "--level", "baseline", "--format", "json", file.toString());
    assertThat(run.err()).doesNotContain("internal error");
    JsonNode out = JSON.readTree(run.out());
    JsonNode deployment = out.get(0);
    assertThat(deployment.at("/resource/name").asText()).isEqualTo("agent");
    assertThat(deployment.get("allowed").asBoolean()).isFalse();
    List<String> checks = new ArrayList<>();
    deployment.get("violations").forEach(v -> checks.add(v.get("check").asText()));
    // the first mapping of the merge list wins: hostNetwork stays false; hostPID comes from the second one
    assertThat(checks).contains("hostNamespaces", "privileged");
    assertThat(deployment.get("violations").toString()).contains("hostPID").doesNotContain("hostNetwork=true");
  }

  @Test
  void anAliasBombIsAnInputErrorAndTheNextDocumentIsStillAssessed() throws IOException {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol, namespace: shop}\n"
        + "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("x").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
    }
    bomb.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
        + "spec: {containers: [{name: c, image: nginx:1.25, securityContext: {privileged: true}}]}\n");
    JsonNode report = scanJson(write("bomb.yaml", bomb.toString()));
    assertThat(errors(report)).singleElement().asString().contains("alias bomb");
    assertThat(findings(report, "KPCI-0001")).hasSize(1);
  }

  @Test
  void anAliasWithoutItsAnchorIsAnInputError() throws IOException {
    JsonNode report = scanJson(write("alias.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec:
          containers:
          - name: c
            image: nginx:1.25
            securityContext: *missing
        """));
    assertThat(errors(report)).singleElement().asString().contains("unknown anchor 'missing'");
  }

  @Test
  void emptyValuesKeepTheirKubernetesMeaning() throws IOException {
    JsonNode report = scanJson(write("empty.yaml", """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress]
          ingress:
          - from:
            ports:
            - {port: 8080, protocol: TCP}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          labels:
          annotations:
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              securityContext:
              containers:
              - name: web
                image: nginx:1.25
                resources:
                securityContext:
                env:
        """));
    assertThat(errors(report)).isEmpty();
    assertThat(report.get("objects").asInt()).isEqualTo(2);
    // resources: (null) is a container without limits
    assertThat(findings(report, "KPCI-0005")).isNotEmpty();
    Cli.Run reach = Cli.run("reach", "internet", "shop/web", "--port", "8080", dir.resolve("empty.yaml").toString());
    // from: (null) admits every source on the port
    assertThat(reach.out()).as(reach.err()).contains("ALLOWED").doesNotContain("DENIED");
  }

  @Test
  void utf16AndUtf8WithAByteOrderMarkAreReadLikeUtf8() throws IOException {
    String text = MERGED.replace("\n", "\r\n");
    Path le = dir.resolve("le.yaml");
    Files.write(le, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
    Path be = dir.resolve("be.yaml");
    Files.write(be, concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, MERGED.getBytes(StandardCharsets.UTF_16BE)));
    Path bom8 = dir.resolve("bom8.yaml");
    Files.write(bom8, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, MERGED.getBytes(StandardCharsets.UTF_8)));
    for (Path file : List.of(le, be, bom8)) {
      JsonNode report = scanJson(file);
      assertThat(errors(report)).as(file.toString()).isEmpty();
      assertThat(findings(report, "KPCI-0001")).as(file.toString())
          .extracting(f -> f.at("/resource/source/fieldLine").asInt()).containsExactly(12, 17);
    }
  }

  @Test
  void invalidUtf8IsAnInputErrorNamingTheLineAndTheRestIsAssessed() throws IOException {
    byte[] good = MERGED.getBytes(StandardCharsets.UTF_8);
    byte[] bad = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {k: \"a"
        .getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("bad.yaml");
    Files.write(file, concat(concat(good, bad), new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}', '\n'}));
    JsonNode report = scanJson(file);
    assertThat(errors(report)).singleElement().asString()
        .startsWith("27 invalid UTF-8 text at line 27").contains("U+FFFD");
    assertThat(findings(report, "KPCI-0001")).hasSize(2);
  }

  @Test
  void aLoneSurrogateIsAnInputErrorOfItsDocumentOnly() throws IOException {
    Path file = write("surrogate.json", """
        {"apiVersion": "v1", "kind": "List", "items": [
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "namespace": "shop"}, "data": {"k": "\\ud800"}},
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop", "labels": {"app": "p"}},
         "spec": {"hostPID": true, "containers": [{"name": "c", "image": "nginx:1", "securityContext": {"privileged": true}}]}},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r", "namespace": "shop"},
         "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]},
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": {"name": "rb", "namespace": "shop"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "r"},
         "subjects": [{"kind": "User", "name": "al\\udc00ice"}, {"kind": "User", "name": "bob"}]}
        ]}
        """);
    JsonNode report = scanJson(file);
    assertThat(errors(report)).containsExactly(
        "2 ConfigMap a: data.k holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair), which is not"
            + " text",
        "7 RoleBinding rb: subjects[0].name holds a lone UTF-16 surrogate (an escape such as \\ud800 without its"
            + " pair), which is not text");
    assertThat(findings(report, "KPCI-0001")).hasSize(1);
    Cli.Run pss = Cli.run("pss", "--level", "baseline", file.toString());
    assertThat(pss.out()).as(pss.err()).contains("DENIED   Pod/shop/p").contains("2 input errors");
    Cli.Run whoCan = Cli.run("who-can", "get", "secrets", "-n", "shop", file.toString());
    assertThat(whoCan.err()).doesNotContain("internal error");
    assertThat(whoCan.code()).isNotEqualTo(ExitCode.INTERNAL.code());
    Cli.Run reach = Cli.run("reach", "internet", "shop/p", file.toString());
    assertThat(reach.err()).doesNotContain("internal error");
    assertThat(reach.out()).contains("Pod/shop/p");
  }

  @Test
  void valuesOverTheApiServerLimitsAreInputErrorsAndKeepTheReportSmall() throws IOException {
    String pod = "---\napiVersion: v1\nkind: Pod\nmetadata: {name: %s, namespace: shop%s}\n"
        + "spec: {containers: [{name: c, image: nginx:1.25, securityContext: {privileged: true}}]}\n";
    String text = String.format(pod, "n".repeat(200_000), "")
        + String.format(pod, "label", ", labels: {app: " + "v".repeat(64) + "}")
        + String.format(pod, "key", ", labels: {\"bad key!\": x}")
        + String.format(pod, "notes", ", annotations: {a: " + "a".repeat(256 * 1024) + "}")
        + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge, namespace: shop}\ndata: {k: "
        + "x".repeat(4 * 1024 * 1024) + "}\n"
        + String.format(pod, "ok", "");
    Path file = write("limits.yaml", text);
    Cli.Run run = Cli.run("scan", "--format", "json", file.toString());
    assertThat(run.out().length()).as("report size").isLessThan(400_000);
    JsonNode report = JSON.readTree(run.out());
    List<String> errors = errors(report);
    assertThat(errors).hasSize(5);
    assertThat(errors.get(0)).contains("metadata.name is 200000 characters long; the API server allows 253")
        .hasSizeLessThan(400);
    assertThat(errors.get(1)).contains("metadata.labels.app: the value is 64 characters long");
    assertThat(errors.get(2)).contains("\"bad key!\" is not a valid label key");
    assertThat(errors.get(3)).contains("the annotations total 262145 characters");
    assertThat(errors.get(4)).contains("is longer than 3145728 characters");
    assertThat(findings(report, "KPCI-0001")).extracting(f -> f.at("/resource/name").asText())
        .containsExactly("ok");
  }

  @Test
  void aHugeValueShownInEvidenceIsCutWithItsLength() throws IOException {
    String image = "registry.example/" + "a".repeat(100_000) + ":latest";
    JsonNode report = scanJson(write("image.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n"
        + "spec:\n  containers:\n  - name: c\n    image: " + image + "\n"));
    assertThat(report.toString().length()).as("report size").isLessThan(200_000);
    List<String> observed = new ArrayList<>();
    report.get("findings").forEach(f -> observed.add(f.get("observed").asText()));
    assertThat(observed).allSatisfy(o -> assertThat(o.length()).isLessThanOrEqualTo(1024))
        .anySatisfy(o -> assertThat(o).startsWith("registry.example/aaaa").endsWith("… (100024 characters)"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void longPlainScalarsReadExactlyAndBlockScalarsAreLeftAlone() throws IOException {
    String token = "QUJD".repeat(50_000) + "==";
    String script = "k: " + "z".repeat(40_000);
    List<Resource> read = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        read.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        errors.add(error);
      }
    }).read("long.yaml", new StringReader("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s, namespace: shop}\n"
        + "data:\n  token: " + token + "  \n  script: |\n    " + script + "\n    next line\n  n: " + "1".repeat(20_000)
        + "\n  quoted: \"" + token + "\"\n  multi: 'it''s\n    next: " + token + "'\n---\napiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\n"
        + "spec: {flow: [" + token + ", '" + token + ": x', {a: " + token + "}]}\n"));
    assertThat(errors).isEmpty();
    ConfigMap map = (ConfigMap) read.get(0).object();
    assertThat(map.getData()).containsEntry("token", token).containsEntry("script", script + "\nnext line\n")
        .containsEntry("n", "1".repeat(20_000)).containsEntry("quoted", token)
        .containsEntry("multi", "it's next: " + token);
    assertThat((List<Object>) read.get(1).list("spec", "flow")).containsExactly(token, token + ": x", java.util.Map.of("a", token));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
