package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.store.testing.PostgresExtension;
import dev.kubepci.store.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --store}, {@code history}, {@code export} and {@code diff} of stored assessments. */
@ExtendWith(PostgresExtension.class)
class HistoryCommandTest {
  private static final Map<String, String> FORMATS = Map.of("json", "json", "html", "html", "sarif", "sarif",
      "junit", "xml", "markdown", "md", "csv", "csv", "oscal", "oscal", "terminal", "txt");

  @TempDir
  Path dir;
  Map<String, String> env;

  @BeforeEach
  void dataHome() {
    env = new HashMap<>(Cli.ENV);
    env.put("XDG_DATA_HOME", dir.resolve("data").toAbsolutePath().toString());
    env.put("HOME", dir.toAbsolutePath().toString());
  }

  private Cli.Run run(String... args) {
    return Cli.runIn(env, Environment.Terminals.NONE, args);
  }

  private String[] scanWritingEveryFormat(Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("scan", "--store", Cli.MANIFESTS, "--quiet"));
    args.addAll(List.of(more));
    FORMATS.forEach((format, ext) -> args.addAll(List.of("-f", format, "-o", out.resolve("r." + ext).toString())));
    return args.toArray(String[]::new);
  }

  @Test
  void aClusterNameWithControlCharactersIsEscapedInTheTable() {
    var hostile = new dev.kubepci.store.AssessmentSummary(1, "prod\u001b[2J\u001b]0;owned\u0007", 1,
        java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.Instant.parse("2026-01-01T00:00:00Z"), "00", 2,
        "kubepci", "1", "pci", "1", "00", List.of(), 0, Map.of(), Map.of(), 0, 0, 0);
    String table = HistoryCommand.table(List.of(hostile));
    assertThat(table).doesNotContain("\u001b").doesNotContain("\u0007").contains("prod\\x1B[2J");
  }

  @Test
  void exportsEveryFormatOfAStoredScanAsTheScanWroteIt() throws IOException {
    Path scanned = Files.createDirectories(dir.resolve("scan"));
    Cli.Run scan = run(scanWritingEveryFormat(scanned, "--waivers", Cli.EXAMPLES.resolve("waivers.yaml").toString(),
        "--attestations", Cli.EXAMPLES.resolve("attestations.yaml").toString(),
        "--config", Cli.EXAMPLES.resolve("kubepci.yaml").toString()));

    assertThat(scan.err()).contains("kubepci: stored assessment 1 of " + Cli.MANIFESTS
        + " (#1) in the embedded store $XDG_DATA_HOME/kubepci/history");
    assertThat(dir.resolve("data/kubepci/history.mv.db")).exists();
    for (Map.Entry<String, String> f : FORMATS.entrySet()) {
      Path exported = dir.resolve("e." + f.getValue());
      Cli.Run export = run("export", "1", "-f", f.getKey(), "-o", exported.toString());
      assertThat(export.code()).as(export.err()).isZero();
      assertThat(Files.readAllBytes(exported)).as(f.getKey())
          .isEqualTo(Files.readAllBytes(scanned.resolve("r." + f.getValue())));
    }
  }

  @Test
  void listsTheHistoryAndComparesStoredAssessmentsById() throws IOException {
    run("scan", "--store", Cli.MANIFESTS, "--quiet", "-f", "json", "-o", dir.resolve("a.json").toString());
    run("scan", Cli.MANIFESTS, "--store", "--quiet", "--waivers", Cli.EXAMPLES.resolve("waivers.yaml").toString());
    Cli.Run again = run("scan", Cli.MANIFESTS, "--store", "--quiet",
        "--waivers", Cli.EXAMPLES.resolve("waivers.yaml").toString());

    assertThat(again.err()).contains("kubepci: already stored: assessment 2 of ");
    Cli.Run history = run("history", "--cluster", Cli.MANIFESTS);
    assertThat(history.code()).isZero();
    List<String> lines = history.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("ID  CLUSTER").contains("FAILING  CRIT  HIGH  MED  LOW  INFO");
    assertThat(lines.get(1)).startsWith(" 2  " + Cli.MANIFESTS);
    assertThat(lines.get(2)).startsWith(" 1  " + Cli.MANIFESTS).contains("2026-01-01T10:00:00Z");
    assertThat(run("history", "--cluster", "nothing").out()).isEqualTo("No assessment of nothing is stored.\n");

    Cli.Run byIds = run("diff", "1", "2", "--format", "json");
    Cli.Run byFileAndId = run("diff", dir.resolve("a.json").toString(), "2", "--format", "json");
    assertThat(byIds.code()).as(byIds.err()).isZero();
    assertThat(byIds.out()).contains("\"fixed\"").isEqualTo(byFileAndId.out());
  }

  @Test
  void namesWhatIsWrongWithoutAStackTrace() {
    Cli.Run empty = run("history");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).isEqualTo("kubepci: no assessment is stored yet in the embedded store "
        + "$XDG_DATA_HOME/kubepci/history: kubepci scan ... --store records one\n");

    run("scan", "--store", Cli.MANIFESTS, "--quiet");
    Cli.Run unknown = run("export", "99");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("kubepci: no stored assessment has the id 99 (kubepci history lists them)\n");
    Cli.Run unknownDiff = run("diff", "1", "99");
    assertThat(unknownDiff.code()).isEqualTo(2);
    assertThat(unknownDiff.err()).contains("no stored assessment has the id 99");

    Cli.Run badUrl = run("scan", "--store", "jdbc:mysql://db/x?password=s3cret", Cli.MANIFESTS);
    assertThat(badUrl.code()).isEqualTo(2);
    assertThat(badUrl.err()).startsWith("kubepci: --store: unsupported store URL 'jdbc:mysql://db/x?password=***'")
        .doesNotContain("s3cret").doesNotContain("\tat ");
    assertThat(badUrl.out()).isEmpty();

    Cli.Run unreachable = run("history", "--store", "jdbc:postgresql://127.0.0.1:1/kubepci?password=s3cret");
    assertThat(unreachable.code()).isEqualTo(2);
    assertThat(unreachable.err()).startsWith("kubepci: cannot connect to the store jdbc:postgresql://127.0.0.1:1/")
        .doesNotContain("s3cret").doesNotContain("\tat ");
  }

  @Test
  void storesInPostgresql(PostgresServer postgres) {
    String url = postgres.newDatabase();
    Cli.Run scan = run("scan", Cli.MANIFESTS, "--quiet", "--store", url);
    assertThat(scan.err()).contains("kubepci: stored assessment 1 of " + Cli.MANIFESTS + " (#1) in " + url);

    Cli.Run history = run("history", "--store", url);
    assertThat(history.code()).isZero();
    assertThat(history.out().lines()).hasSize(2);
    Cli.Run export = run("export", "1", "--store", url);
    assertThat(export.out()).startsWith("{\n  \"schemaVersion\" : \"1.0\"");
  }
}
