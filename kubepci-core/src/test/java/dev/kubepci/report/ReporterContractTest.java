package dev.kubepci.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.csv.CsvReporter;
import dev.kubepci.report.html.HtmlReporter;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.report.junit.JUnitReporter;
import dev.kubepci.report.markdown.MarkdownReporter;
import dev.kubepci.report.sarif.SarifReporter;
import dev.kubepci.report.terminal.TerminalReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.RequirementResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every reporter keeps, run against each one over the same assessment: its output matches its golden
 * file byte for byte, is the same on every run, and shows every finding, waiver, attestation, open practice, table
 * and input error its format has room for. Regenerate the golden files after an intended change with
 * {@code -Dkubepci.golden.update=true} and review the diff.
 */
class ReporterContractTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final Map<String, String> EXTENSIONS = Map.of("json", "json", "terminal", "txt", "sarif", "sarif",
      "html", "html", "junit", "xml", "markdown", "md", "csv", "csv");
  /** Formats that hold findings only. */
  private static final Set<String> FINDINGS_ONLY = Set.of("csv");
  /** Formats without a place for the rules' tables: CSV is one row per finding, JUnit one case per practice. */
  private static final Set<String> NO_TABLES = Set.of("csv", "junit");

  static Stream<Reporter> reporters() {
    return Stream.of(new JsonReporter(), new TerminalReporter(TerminalReporter.Options.DETAILS), new SarifReporter(),
        new HtmlReporter(), new JUnitReporter(), new MarkdownReporter(), new CsvReporter());
  }

  static String render(Reporter reporter, AssessmentReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void matchesItsGoldenFile(Reporter reporter) throws IOException {
    String actual = render(reporter, ReportFixture.sample());
    Path golden = GOLDEN.resolve("contract." + EXTENSIONS.get(reporter.format()));
    if (Boolean.getBoolean("kubepci.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file (create it with -Dkubepci.golden.update=true)").exists();
    assertThat(actual).as("%s output against %s", reporter.format(), golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void writesTheSameBytesEveryTime(Reporter reporter) throws IOException {
    assertThat(render(reporter, ReportFixture.sample())).isEqualTo(render(reporter, ReportFixture.sample()));
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void showsEveryFindingWithItsRuleAndObject(Reporter reporter) throws IOException {
    AssessmentReport report = ReportFixture.sample();
    String out = render(reporter, report);
    for (Finding f : report.findings()) {
      assertThat(out).as("%s shows %s", reporter.format(), f.identity()).contains(f.rule());
      if (f.resource() != null) {
        assertThat(out).contains(f.resource().name());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void showsWaivedFindingsWithTheirJustification(Reporter reporter) throws IOException {
    String out = render(reporter, ReportFixture.sample());
    assertThat(out).as(reporter.format()).contains("WAIVED").contains("dedicated nodes");
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void showsRuleErrorsApartFromInputErrors(Reporter reporter) throws IOException {
    if (FINDINGS_ONLY.contains(reporter.format())) {
      return;
    }
    // the terminal wraps long lines: words are compared, not line breaks
    String out = render(reporter, ReportFixture.withRuleError()).replaceAll("\\s+", " ");
    assertThat(out).as(reporter.format()).contains("KPCI-0005").contains("rule boom")
        .contains("manifests/broken.yaml");
    assertThat(out).as("%s tells the rule error from the input errors", reporter.format())
        .containsPattern("(?i)rule.?error|internal error in rule");
    assertThat(render(reporter, ReportFixture.withRuleError()).replaceAll("\\s+", " ")).isEqualTo(out);
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void showsEveryPracticeAttestationOpenItemAndInputError(Reporter reporter) throws IOException {
    if (FINDINGS_ONLY.contains(reporter.format())) {
      return;
    }
    AssessmentReport report = ReportFixture.sample();
    String out = render(reporter, report);
    for (RequirementResult r : report.requirements()) {
      assertThat(out).as("%s shows practice %s", reporter.format(), r.id()).contains(r.id());
    }
    assertThat(out).as(reporter.format()).contains("A. Assessor (QSA)").contains("manifests/broken.yaml");
    assertThat(report.openPractices()).extracting(RequirementResult::id).containsExactly("1.2");
    assertThat(out).contains("Administrator accounts are individual");
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void rendersTheRulesTables(Reporter reporter) throws IOException {
    if (NO_TABLES.contains(reporter.format())) {
      return;
    }
    String out = render(reporter, ReportFixture.sample());
    assertThat(out).as(reporter.format()).contains("Namespace isolation").contains("payments");
  }
}
