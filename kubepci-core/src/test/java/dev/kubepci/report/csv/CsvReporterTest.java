package dev.kubepci.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.report.ReportFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class CsvReporterTest {
  /** An RFC 4180 reader, to check that what we write reads back cell for cell. */
  public static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }

  @Test
  void oneRowPerFindingThatReadsBackCellForCell() {
    var report = ReportFixture.sample();
    List<List<String>> rows = parse(CsvReporter.render(report));
    assertThat(rows).hasSize(report.findings().size() + 1);
    assertThat(rows.get(0)).isEqualTo(CsvReporter.COLUMNS);
    rows.forEach(r -> assertThat(r).hasSize(CsvReporter.COLUMNS.size()));
    int message = CsvReporter.COLUMNS.indexOf("message");
    assertThat(rows.get(1).get(message)).isEqualTo(report.findings().get(0).message());
    assertThat(rows.get(3).get(CsvReporter.COLUMNS.indexOf("status"))).isEqualTo("WAIVED");
    assertThat(rows.get(3).get(CsvReporter.COLUMNS.indexOf("approver"))).isEqualTo("Jane Roe (CISO)");
    assertThat(rows.get(1).get(CsvReporter.COLUMNS.indexOf("fieldLine"))).isEqualTo("31");
  }

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
    assertThat(CsvReporter.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvReporter.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvReporter.cell("-1")).isEqualTo("'-1");
    assertThat(CsvReporter.cell("-1+1+cmd|' /C calc'!A0")).isEqualTo("'-1+1+cmd|' /C calc'!A0");
    assertThat(CsvReporter.cell("+1")).isEqualTo("'+1");
    assertThat(CsvReporter.cell("\tx")).isEqualTo("'\tx");
    assertThat(CsvReporter.cell("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(CsvReporter.cell("--audit-policy-file")).isEqualTo("'--audit-policy-file");
  }
}
