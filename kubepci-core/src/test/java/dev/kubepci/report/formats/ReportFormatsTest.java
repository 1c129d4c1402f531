package dev.kubepci.report.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.report.dss.DssTerminalReporter;
import dev.kubepci.report.terminal.TerminalReporter;
import org.junit.jupiter.api.Test;

class ReportFormatsTest {
  @Test
  void everyNamedFormatMakesItsReporter() {
    assertThat(ReportFormats.names()).isSorted()
        .containsExactly("csv", "html", "json", "junit", "markdown", "oscal", "sarif", "terminal");
    for (String name : ReportFormats.names()) {
      assertThat(ReportFormats.reporter(name, ReportFormats.Options.DEFAULTS).format()).isEqualTo(name);
      assertThat(ReportFormats.reporter(name, new ReportFormats.Options(TerminalReporter.Options.PLAIN, true))
          .format()).isEqualTo(name);
    }
  }

  @Test
  void byDssOrganisesTheTerminalReportByRequirement() {
    assertThat(ReportFormats.reporter("terminal", new ReportFormats.Options(TerminalReporter.Options.PLAIN, true)))
        .isInstanceOf(DssTerminalReporter.class);
    assertThat(ReportFormats.reporter("terminal", ReportFormats.Options.DEFAULTS))
        .isInstanceOf(TerminalReporter.class);
  }

  @Test
  void anUnknownFormatNamesTheKnownOnes() {
    assertThatThrownBy(() -> ReportFormats.reporter("pdf", ReportFormats.Options.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'pdf' (expected one of [csv, html, json, junit, markdown, oscal, sarif, "
            + "terminal])");
  }
}
