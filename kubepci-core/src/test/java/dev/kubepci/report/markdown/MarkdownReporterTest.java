package dev.kubepci.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.ReportFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  /** Cells of a table row: pipes not escaped with a backslash separate them. */
  private static int cells(String row) {
    return row.replace("\\|", "").split("\\|", -1).length - 2;
  }

  @Test
  void everyTableRowHasAsManyCellsAsItsHeader() {
    List<String> lines = MarkdownReporter.render(ReportFixture.sample()).lines().toList();
    int checked = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("|---")) {
        int width = cells(lines.get(i - 1));
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
          assertThat(cells(lines.get(j))).as("row %s", lines.get(j)).isEqualTo(width);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void textFromTheInputCannotInjectMarkup() {
    String md = MarkdownReporter.render(ReportFixture.sample());
    assertThat(md).doesNotContain("<all>").contains("&lt;all&gt;").contains("\\| not isolated");
  }
}
