package dev.kubepci.report.dss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.report.Reporter;
import dev.kubepci.report.ReportFixture;
import dev.kubepci.report.html.HtmlReporter;
import dev.kubepci.report.markdown.MarkdownReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --group-by dss}: terminal, Markdown and HTML show the same verdicts and findings filed under the PCI DSS
 * requirements. Golden files as in the reporter contract ({@code -Dkubepci.golden.update=true}).
 */
class DssGroupingTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  static Stream<Reporter> reporters() {
    return Stream.of(new DssTerminalReporter(), new MarkdownReporter(true), new HtmlReporter(true));
  }

  private static String render(Reporter reporter, AssessmentReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reporter.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void matchesItsGoldenFile(Reporter reporter) throws IOException {
    String actual = render(reporter, ReportFixture.sample());
    String ext = switch (reporter.format()) {
      case "terminal" -> "txt";
      case "markdown" -> "md";
      default -> reporter.format();
    };
    Path golden = GOLDEN.resolve("contract-dss." + ext);
    if (Boolean.getBoolean("kubepci.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("reporters")
  void showsEveryRequirementWithItsPracticesVerdictsAndFindings(Reporter reporter) throws IOException {
    AssessmentReport report = ReportFixture.sample();
    String out = render(reporter, report);
    assertThat(out).contains("not a statement by the PCI Security Standards Council");
    for (DssGroups.Group g : DssGroups.of(report)) {
      assertThat(out).contains("DSS " + g.id());
      g.practices().forEach(e -> assertThat(out).contains(e.practice().id()).contains(e.practice().status().name()));
    }
    for (Finding f : report.findings()) {
      assertThat(out).contains(f.rule());
    }
    assertThat(out).contains("Workloads that reach the node widen the scope").contains("WAIVED");
  }

  @Test
  void filesEachFindingUnderEveryRequirementItsPracticesSupport() {
    List<DssGroups.Group> groups = DssGroups.of(ReportFixture.sample());
    assertThat(groups).extracting(DssGroups.Group::id).containsExactly("1.3", "2.2", "8.2", "12.5");
    // KPCI-0002 decides 1.1 (-> 8.2) and 3.2 (-> 12.5)
    assertThat(groups.get(2).findings()).extracting(Finding::rule).containsExactly("KPCI-0001", "KPCI-0002",
        "KPCI-0004");
    assertThat(groups.get(3).findings()).extracting(Finding::rule).containsExactly("KPCI-0002", "KPCI-0003");
    assertThat(groups.get(3).practices()).extracting(e -> e.practice().id()).containsExactly("2.1", "3.2");
    assertThat(groups.get(0).findings()).isEmpty();
  }

  @Test
  void aReportWithoutCrossReferenceCannotBeGrouped() {
    AssessmentReport plain = ReportFixture.sample().withCrossReference(null);
    assertThatThrownBy(() -> DssGroups.of(plain)).hasMessageContaining("no PCI DSS cross-reference");
  }
}
