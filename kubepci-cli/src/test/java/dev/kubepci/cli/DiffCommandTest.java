package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubepci diff} on assessments of the example cluster. */
class DiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path scan(Path dir, String name, String... args) throws IOException {
    Path out = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of("scan"));
    all.addAll(List.of(args));
    all.addAll(List.of("--format", "json", "--output", out.toString(), "--fail-on", "none"));
    Cli.Run run = Cli.run(all.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    return out;
  }

  /** A copy of the example manifests that the test may change. */
  private static Path copyOfManifests(Path dir) throws IOException {
    Path target = dir.resolve("manifests");
    Path source = Path.of(Cli.MANIFESTS);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  @Test
  void reportsNewFixedAndUnchangedFindingsOfTheExample(@TempDir Path dir) throws IOException {
    Path manifests = copyOfManifests(dir);
    Path before = scan(dir, "before.json", manifests.toString());
    Files.delete(manifests.resolve("monitoring").resolve("grafana.yaml"));
    Files.writeString(manifests.resolve("payments").resolve("debug.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug-shell
          namespace: payments
        spec:
          containers:
            - name: shell
              image: registry.payments.example.com/tools/shell:1.0
              securityContext:
                privileged: true
        """);
    Path after = scan(dir, "after.json", manifests.toString());

    Cli.Run run = Cli.run("diff", before.toString(), after.toString(), "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode diff = JSON.readTree(run.out());
    assertThat(diff.get("added")).anySatisfy(f -> {
      assertThat(f.get("rule").asText()).isEqualTo("KPCI-0001");
      assertThat(f.get("object").asText()).isEqualTo("Pod/payments/debug-shell");
      assertThat(f.get("newStatus").asText()).isEqualTo("FAIL");
    });
    // the pod's own findings, and findings on its namespace that name it (it breaks the enforced level)
    assertThat(diff.get("added")).allSatisfy(f -> assertThat(f.get("object").asText() + " " + f.get("message").asText())
        .contains("debug-shell"));
    // grafana.yaml holds the Deployment and its Ingress: every finding on either is fixed
    assertThat(diff.get("fixed")).isNotEmpty().allSatisfy(f ->
        assertThat(f.get("object").asText()).isIn("Deployment/monitoring/grafana", "Ingress/monitoring/grafana"));
    JsonNode old = JSON.readTree(before.toFile());
    assertThat(diff.at("/summary/unchanged").asInt())
        .isEqualTo(old.get("findings").size() - diff.get("fixed").size());

    Cli.Run gate = Cli.run("diff", before.toString(), after.toString(), "--fail-on", "critical");
    assertThat(gate.code()).isEqualTo(ExitCode.FINDINGS.code());
    assertThat(gate.out()).contains("New findings (").contains("Fixed findings (")
        .contains("Pod/payments/debug-shell");

    // entities are not decoded inside Markdown code spans: a missing field reads <absent> there, not &lt;absent>
    String markdown = Cli.run("diff", before.toString(), after.toString(), "--format", "markdown").out();
    assertThat(markdown).contains("`Pod/payments/debug-shell`").contains(" = <absent>`")
        .doesNotContain(" = &lt;absent>");
  }

  @Test
  void aMovedLineIsNotANewFinding(@TempDir Path dir) throws IOException {
    Path manifests = copyOfManifests(dir);
    Path before = scan(dir, "before.json", manifests.toString());
    Path calico = manifests.resolve("kube-system").resolve("calico.yaml");
    Files.writeString(calico, "# reviewed 2026-01\n\n\n" + Files.readString(calico));
    Path after = scan(dir, "after.json", manifests.toString());
    assertThat(JSON.readTree(before.toFile()).toString()).isNotEqualTo(JSON.readTree(after.toFile()).toString());
    JsonNode diff = JSON.readTree(Cli.run("diff", before.toString(), after.toString(), "-f", "json").out());
    assertThat(diff.at("/summary/added").asInt()).isZero();
    assertThat(diff.at("/summary/fixed").asInt()).isZero();
    assertThat(diff.get("practices")).isEmpty();
  }

  @Test
  void waiversShowAsStatusChangesOfFindingsAndPractices(@TempDir Path dir) throws IOException {
    Path before = scan(dir, "before.json", Cli.MANIFESTS, "-c", GovernanceCommandTest.CONFIG);
    Path after = scan(dir, "after.json", Cli.MANIFESTS, "-c", GovernanceCommandTest.CONFIG,
        "--waivers", GovernanceCommandTest.WAIVERS, "--attestations", GovernanceCommandTest.ATTESTATIONS);
    JsonNode diff = JSON.readTree(Cli.run("diff", before.toString(), after.toString(), "--format", "json").out());
    int waived = JSON.readTree(after.toFile()).at("/summary/waived").asInt();
    assertThat(waived).isPositive();
    assertThat(diff.at("/summary/statusChanged").asInt()).isEqualTo(waived);
    assertThat(diff.at("/summary/added").asInt()).isZero();
    assertThat(diff.get("practices")).anySatisfy(p -> {
      assertThat(p.get("id").asText()).isEqualTo("5.2");
      assertThat(p.get("from").asText()).isEqualTo("MANUAL");
      assertThat(p.get("to").asText()).isEqualTo("PASS");
      assertThat(p.get("direction").asText()).isEqualTo("attested");
    });
    assertThat(diff.get("practices")).anySatisfy(p -> {
      assertThat(p.get("id").asText()).isEqualTo("2.3");
      assertThat(p.get("from").asText()).isEqualTo("MANUAL");
      assertThat(p.get("direction").asText()).as("an attestation is no regression of the cluster")
          .isEqualTo("attested");
    });
    assertThat(diff.at("/summary/practicesRegressed").asInt()).isZero();

    String markdown = Cli.run("diff", before.toString(), after.toString(), "--format", "markdown").out();
    assertThat(markdown).startsWith("## kubepci diff").contains("### Findings whose status changed")
        .contains("FAIL → WAIVED").contains("### Practice status changes").contains("| 5.2 ");
    String text = Cli.run("diff", before.toString(), after.toString()).out();
    assertThat(text).contains("Practice status changes").contains("MANUAL -> PASS").contains("FAIL -> WAIVED");

    // the sample in docs/governance.md is this comparison: before.json without, after.json with waivers and attestations
    List<String> readme = Files.readAllLines(Path.of("..", "docs", "governance.md"));
    int at = readme.indexOf("$ kubepci diff before.json after.json");
    assertThat(at).as("the README's diff sample").isPositive();
    List<String> printed = text.lines().map(String::strip).toList();
    for (String line : readme.subList(at + 1, readme.size())) {
      if (line.startsWith("```")) {
        break;
      }
      if (!line.equals("...")) {
        assertThat(printed).as("README diff sample line").contains(line.strip());
      }
    }
  }

  @Test
  void aFileThatIsNotAReportIsAUsageError(@TempDir Path dir) throws IOException {
    Path report = scan(dir, "r.json", Cli.MANIFESTS);
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"kind\": \"List\"}");
    Cli.Run run = Cli.run("diff", report.toString(), other.toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("is not a kubepci JSON report");
    assertThat(Cli.run("diff", report.toString(), dir.resolve("missing.json").toString()).err())
        .contains("no such file");
    assertThat(Cli.run("diff", report.toString(), report.toString(), "--format", "html").code())
        .isEqualTo(ExitCode.USAGE.code());
  }
}
