package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Object names, labels and values that carry terminal control sequences (title set, clear screen, colours), line
 * breaks that would forge report lines, and bidirectional overrides reach no text report raw: each one is shown
 * as a visible escape in the terminal, Markdown, diff, reach, who-can, access and pss output.
 */
class HostileTextTest {
  /** Sets the terminal title, clears the screen, turns text red, then forges a clean summary on its own line. */
  private static final String HOSTILE_YAML = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: "web\\e]0;pwned\\a\\e[2J\\e[31m\\nSummary: 42 practices: 42 PASS\\u202e"
        namespace: shop
        labels:
          app: "x\\x9b31m\\x7f"
      spec:
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            serviceAccountName: "bot\\e[8m"
            containers:
              - name: "app\\nFAKE LINE"
                image: "nginx\\e[5m"
                securityContext:
                  privileged: true
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata:
        name: "edit\\e[2J\\nSummary: 42 practices: 42 PASS"
        namespace: shop
      subjects:
        - kind: ServiceAccount
          name: "bot\\e[8m"
          namespace: shop
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: edit
      """;

  @TempDir
  Path dir;

  @Test
  void escapesControlCharactersAndBidiOverrides() {
    assertThat(Printable.text("a\u001b[2Jb")).isEqualTo("a\\x1B[2Jb");
    assertThat(Printable.text("a\nb\tc\rd")).isEqualTo("a\\nb\\tc\\rd");
    assertThat(Printable.text("\u0000\u007f\u0085\u009b")).isEqualTo("\\x00\\x7F\\x85\\x9B");
    assertThat(Printable.text("\u202a\u202e\u2066\u2069")).isEqualTo("\\u202A\\u202E\\u2066\\u2069");
    assertThat(Printable.text("caf\u00e9 \u4e2d \u00a0ok")).isEqualTo("caf\u00e9 \u4e2d \u00a0ok");
    assertThat(Printable.text(null)).isNull();
  }

  @Test
  void noTextReportPrintsControlCharactersFromTheInput() throws IOException {
    Path input = dir.resolve("hostile.yaml");
    Files.writeString(input, HOSTILE_YAML);
    Path before = dir.resolve("before.json");
    Path after = dir.resolve("after.json");
    Files.writeString(after, Cli.run("scan", input.toString(), "--format", "json", "--fail-on", "none").out());
    Files.writeString(before, Cli.run("scan", Path.of(Cli.MANIFESTS, "web").toString(), "--format", "json",
        "--fail-on", "none").out());

    List<List<String>> commands = List.of(
        List.of("scan", input.toString()),
        List.of("scan", input.toString(), "--details"),
        List.of("scan", input.toString(), "--format", "markdown"),
        List.of("scan", input.toString(), "--group-by", "dss"),
        List.of("diff", before.toString(), after.toString()),
        List.of("diff", before.toString(), after.toString(), "--format", "markdown"),
        List.of("pss", input.toString()),
        List.of("who-can", "update", "deployments", "-n", "shop", input.toString()),
        List.of("access", "sa:shop:bot\u001b[8m", input.toString()),
        List.of("reach", "namespace:shop", "namespace:shop", input.toString()));
    for (List<String> command : commands) {
      Cli.Run run = Cli.run(command.toArray(String[]::new));
      String out = run.out() + run.err();
      assertThat(out).as("%s exit %s:%n%s", command, run.code(), out).isNotBlank();
      for (char c : out.toCharArray()) {
        if (c != '\n') {
          assertThat(Printable.isControl(c)).as("%s prints U+%04X raw:%n%s", command, (int) c, out).isFalse();
        }
      }
      assertThat(out.lines()).as(String.join(" ", command)).noneMatch(l -> l.startsWith("Summary: 42 practices: 42"))
          .noneMatch(l -> l.startsWith("FAKE LINE"));
    }
    assertThat(Cli.run("scan", input.toString(), "--details").out()).contains("\\x1B]0;pwned\\x07")
        .contains("\\nSummary: 42 practices: 42 PASS\\u202E");
  }

  /**
   * File names found by walking a folder reach standard error in input errors, "wrote" lines and exit lines: a name
   * with an escape sequence and a line break (a forged summary) is shown escaped there too.
   */
  @Test
  void noMessageOnStandardErrorPrintsControlCharactersFromFileNames() throws IOException {
    Path folder = dir.resolve("evil\u001b]0;pwned\u0007\u001b[31m\nkubepci: exit 0: no failing finding");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("hostile.yaml"), HOSTILE_YAML);
    Files.writeString(folder.resolve("broken\u001b[2J.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: q\n");
    Path report = folder.resolve("report.json");
    List<List<String>> commands = List.of(
        List.of("scan", folder.toString(), "--format", "json", "--output", report.toString()),
        List.of("pss", folder.toString(), "--output", folder.resolve("pss.txt").toString()),
        List.of("who-can", "update", "deployments", "-n", "shop", folder.toString()),
        List.of("access", "sa:shop:bot", folder.toString()),
        List.of("reach", "namespace:shop", "namespace:shop", folder.toString(), "--expect", "denied"));
    for (List<String> command : commands) {
      Cli.Run run = Cli.run(command.toArray(String[]::new));
      assertThat(run.err()).as("%s exit %s", command.get(0), run.code()).contains("evil\\x1B]0;pwned\\x07");
      for (char c : run.err().toCharArray()) {
        if (c != '\n') {
          assertThat(Printable.isControl(c)).as("%s prints U+%04X raw:%n%s", command.get(0), (int) c, run.err())
              .isFalse();
        }
      }
      assertThat(run.err().lines()).as(command.get(0)).allMatch(l -> l.startsWith("kubepci: "))
          .noneMatch(l -> l.startsWith("kubepci: exit 0"));
    }
  }
}
