package dev.kubepci.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.ReportFixture;
import dev.kubepci.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One decision of the exit code, phrased for the terminal report and for a front end's last line; how failing
 * findings count is tested on a real scan in {@code ScannerTest}.
 */
class ScanOutcomeTest {
  @Test
  void aRuleErrorOutweighsEverythingElse() {
    ScanOutcome outcome = ScanOutcome.of(ReportFixture.withRuleError(), Severity.HIGH)
        .withReportFailures(List.of("html"), List.of("out.json"));

    assertThat(outcome.code()).isEqualTo(ExitCode.INTERNAL);
    assertThat(outcome.summary()).isEqualTo("code 4: 1 rule error (listed above), a bug in kubepci");
    assertThat(outcome.explanation(false)).startsWith("1 rule error, a bug in kubepci: those rules are ERROR")
        .contains("; run with --debug for the stack traces; also 3 input errors; ");
    assertThat(outcome.explanation(true)).doesNotContain("--debug");
  }

  @Test
  void reportsThatFailOutweighInputErrors() {
    ScanOutcome read = ScanOutcome.of(ReportFixture.sample(), Severity.HIGH);
    assertThat(read.code()).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(read.summary()).isEqualTo("code 3: 3 input errors (listed above); the rest was assessed");

    assertThat(read.withReportFailures(List.of(), List.of("out.json")).code()).isEqualTo(ExitCode.USAGE);
    assertThat(read.withReportFailures(List.of(), List.of("out.json")).explanation(false))
        .isEqualTo("1 report could not be written (out.json)");
    assertThat(read.withReportFailures(List.of("html", "sarif"), List.of("out.json")).code())
        .isEqualTo(ExitCode.INTERNAL);
    assertThat(read.withReportFailures(List.of("html", "sarif"), List.of()).explanation(false))
        .isEqualTo("2 reports could not be produced (html, sarif)");
  }
}
