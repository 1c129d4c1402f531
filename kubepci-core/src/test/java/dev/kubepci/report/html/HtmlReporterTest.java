package dev.kubepci.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.ReportFixture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReporterTest {
  private static final String HTML = HtmlReporter.render(ReportFixture.sample());

  @Test
  void forbidsEveryExternalResourceAndRunsNoScript() {
    assertThat(HTML).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    assertThat(Pattern.compile("(?i)(src|href|xmlns|action)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(HTML).find())
        .as("an attribute that would load from the network").isFalse();
    assertThat(HTML).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("@import")
        .doesNotContainIgnoringCase("url(");
  }

  @Test
  void escapesTextFromTheInput() {
    assertThat(HTML).doesNotContain("<all>").contains("&lt;all&gt; host devices");
  }

  @Test
  void showsTheChartTheChecklistAndPrintStyles() {
    assertThat(HTML).contains("<svg role=\"img\"").contains("id=\"open\"").contains("@media print")
        .contains("Attestation: PASS").contains("not applied");
    // one bar segment per status present in each of the three areas
    assertThat(Pattern.compile("<rect [^>]*class=\"b-").matcher(HTML).results().count()).isEqualTo(7 + 6);
  }
}
