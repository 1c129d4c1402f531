package dev.kubepci.report.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.report.ReportFixture;
import dev.kubepci.result.AssessmentBasis;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The short terminal report at the widths people use, against snapshot files (regenerate after an intended change
 * with {@code -Dkubepci.golden.update=true} and review the diff), and the layout rules every width keeps.
 */
class TerminalReporterTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private static String render(AssessmentReport report, TerminalReporter.Options options) {
    return new TerminalReporter(options).render(report);
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 100, 160})
  void shortReportMatchesItsSnapshot(int width) throws IOException {
    String actual = render(ReportFixture.sample(), TerminalReporter.Options.PLAIN.withWidth(width));
    Path golden = GOLDEN.resolve("terminal-" + width + ".txt");
    if (Boolean.getBoolean("kubepci.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 80, 100, 160})
  void everyLineFitsTheWidthWithEverySectionShown(int width) {
    String out = render(wide(), TerminalReporter.Options.DETAILS.withWidth(width));
    assertThat(out.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
    assertThat(out).contains("...");
  }

  @Test
  void showsHeaderAreasTopFindingsAndSummaryInThatOrder() {
    String out = render(ReportFixture.sample(), TerminalReporter.Options.PLAIN);
    assertThat(out.indexOf("Input:")).isLessThan(out.indexOf("Scope:"));
    assertThat(out.indexOf("Cluster:   ".strip())).isLessThan(out.indexOf("VERDICT"));
    assertThat(out.indexOf("1. Authentication")).isLessThan(out.indexOf("Top findings"));
    assertThat(out.indexOf("Top findings")).isLessThan(out.indexOf("Summary:"));
    assertThat(out.indexOf("Summary:")).isLessThan(out.indexOf("\nMore:"));
    assertThat(out).contains("Exit:    code 3: 3 input errors");
  }

  @Test
  void keepsFactsEveryFindingAndEvidenceForTheDetails() {
    String out = render(ReportFixture.sample(), TerminalReporter.Options.PLAIN);
    assertThat(out).doesNotContain("Namespace isolation").doesNotContain("Evidence to collect")
        .doesNotContain("Waived findings").doesNotContain("Practices\n");
    String details = render(ReportFixture.sample(), TerminalReporter.Options.DETAILS);
    assertThat(details).contains("Namespace isolation").contains("Evidence to collect").contains("Waived findings")
        .contains("Practices\n").doesNotContain("More:");
    String facts = render(ReportFixture.sample(),
        TerminalReporter.Options.PLAIN.showing(EnumSet.of(TerminalReporter.Section.FACTS)));
    assertThat(facts).contains("Namespace isolation").doesNotContain("Evidence to collect")
        .contains("--show practices,findings,evidence");
  }

  @Test
  void ordersTopFindingsBySeverityThenCdeFirst() {
    AssessmentReport sample = ReportFixture.sample();
    Finding template = sample.findings().get(1); // HIGH, shared
    List<Finding> findings = new ArrayList<>(sample.findings());
    findings.add(template.with().severity(Severity.HIGH).status(Status.FAIL).scope(ScopeZone.CDE)
        .path(FieldPath.parse("subjects[1].name")).observed("zz-cde-subject").build());
    String out = render(sample.withFindings(findings), TerminalReporter.Options.PLAIN);
    assertThat(out.indexOf("CRITICAL")).isLessThan(out.indexOf("zz-cde-subject"));
    assertThat(out.indexOf("zz-cde-subject")).isLessThan(out.indexOf("= ci-bot"));
  }

  @Test
  void limitsTheShortReportToTheTopFindings() {
    AssessmentReport sample = ReportFixture.sample();
    Finding template = sample.findings().get(1);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      findings.add(template.with().severity(Severity.HIGH).status(Status.FAIL).scope(ScopeZone.SHARED)
          .path(FieldPath.parse("subjects[" + i + "].name")).observed("s" + i).build());
    }
    String out = render(sample.withFindings(findings), TerminalReporter.Options.PLAIN);
    assertThat(out).contains("Top findings (10 of 30 failing").contains("... 20 more: --show findings");
    assertThat(render(sample.withFindings(findings), TerminalReporter.Options.DETAILS))
        .contains("Findings (30 failing").contains("= s29");
  }

  @Test
  void leavesOutEmptyTablesAndPrintsIdenticalRowsAndTablesOnce() {
    String out = render(withTables(
        new Table("empty", "Nothing to show", List.of("a"), List.of()),
        new Table("holders", "Cluster-admin holders", List.of("subject"),
            List.of(List.of("User alice"), List.of("User alice"), List.of("Group ops"))),
        new Table("holders", "Cluster-admin holders", List.of("subject"),
            List.of(List.of("User alice"), List.of("Group ops")))), TerminalReporter.Options.DETAILS);
    assertThat(out).doesNotContain("Nothing to show");
    assertThat(out.split("Cluster-admin holders", -1)).hasSize(2);
    assertThat(out.split("User alice", -1)).hasSize(2);
  }

  @Test
  void rejectsAnUnknownSection() {
    assertThat(TerminalReporter.Section.parse(" Facts ")).isEqualTo(TerminalReporter.Section.FACTS);
    assertThatThrownBy(() -> TerminalReporter.Section.parse("tables"))
        .hasMessageContaining("practices, facts, findings, evidence");
  }

  @Test
  void saysWhyTheExitCodeIsWhatItIs() {
    AssessmentReport clean = ReportFixture.sample();
    clean = clean.with().errors(List.of()).ruleErrors(List.of()).skipped(List.of()).basis(AssessmentBasis.NONE)
        .crossReference(null).build();
    assertThat(render(clean, TerminalReporter.Options.PLAIN))
        .contains("code 1: 2 failing findings at or above high (--fail-on high)");
    assertThat(render(clean, TerminalReporter.Options.PLAIN.withFailOn(null))).contains("code 0: --fail-on none");
    assertThat(render(clean.withFindings(List.of()), TerminalReporter.Options.PLAIN))
        .contains("Findings: none failing").contains("code 0: no failing finding at or above high");
  }

  /** The sample with long cells and titles that cannot fit a narrow terminal. */
  private static AssessmentReport wide() {
    String longCell = "ClusterRoleBinding/platform-admins-cluster-admin grants every verb on every resource "
        + "x".repeat(120);
    return withTables(new Table("wide", "A table much wider than any terminal " + "y".repeat(200),
        List.of("subject", "may", "binding", "rule"),
        List.of(List.of("Group platform-admins", longCell, "ClusterRoleBinding/" + "z".repeat(90), "rules[0]"))));
  }

  private static AssessmentReport withTables(Table... tables) {
    AssessmentReport sample = ReportFixture.sample();
    List<RuleResult> rules = new ArrayList<>();
    for (RuleResult r : sample.rules()) {
      rules.add(r.id().equals("KPCI-0005") ? new RuleResult(r.id(), r.name(), r.title(), r.severity(),
          r.requirements(), r.status(), r.reason(), r.failed(), r.passed(), r.notes(), List.of(tables)) : r);
    }
    return sample.with().rules(rules).ruleErrors(List.of()).skipped(List.of()).basis(AssessmentBasis.NONE)
        .crossReference(null).build();
  }

  @Test
  void showsTheDeclaredScope() {
    AssessmentReport report = ReportFixture.sample().withBasis(new dev.kubepci.result.AssessmentBasis("kubepci.yaml",
        "cde: namespaces payments", List.of()));
    assertThat(render(report, TerminalReporter.Options.PLAIN)).contains("Scope:   cde: namespaces payments");
    assertThat(render(ReportFixture.sample(), TerminalReporter.Options.PLAIN)).contains("no CDE scope declared");
    assertThat(Set.of(TerminalReporter.Section.values())).hasSize(4);
  }
}
