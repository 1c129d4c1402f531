package dev.kubepci.report.csv;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.waiver.Waiver;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per finding (failed or waived) for spreadsheets: RFC 4180 (comma separated, double quotes, CRLF), UTF-8.
 * Every cell that starts with a character a spreadsheet reads as the start of a formula ({@code = + - @}, tab,
 * carriage return) is prefixed with an apostrophe.
 */
public final class CsvReporter extends DocumentReporter<String> {
  /** The header row. */
  public static final List<String> COLUMNS = List.of(
      "severity", "status", "rule", "name", "ruleVersion", "requirements", "scope", "apiVersion", "kind",
      "namespace", "object", "uid", "resourceVersion", "file", "document", "line", "fieldLine", "cluster",
      "collectedAt", "path", "observed", "message", "remediation", "kubectl", "fingerprint", "waiver",
      "justification", "approver", "expires", "riskAnalysis");

  public CsvReporter() {
    super("csv", CsvReporter::render, TEXT);
  }

  public static String render(AssessmentReport report) {
    StringBuilder sb = new StringBuilder();
    row(sb, COLUMNS);
    for (Finding f : report.findings()) {
      row(sb, cells(f, report.toolVersion()));
    }
    return sb.toString();
  }

  private static List<String> cells(Finding f, String version) {
    ResourceRef r = f.resource();
    Provenance p = f.source();
    Waiver w = f.waiver();
    List<String> c = new ArrayList<>();
    c.add(f.severity().name());
    c.add(f.status().name());
    c.add(f.rule());
    c.add(f.name());
    c.add(version);
    c.add(String.join(" ", f.requirements()));
    c.add(f.scope().label());
    c.add(r == null ? "" : r.apiVersion());
    c.add(r == null ? "" : r.kind());
    c.add(r == null ? "" : r.namespace());
    c.add(r == null ? "" : r.name());
    c.add(r == null ? "" : r.uid());
    c.add(r == null ? "" : r.resourceVersion());
    // a finding's source is a file's document or a cluster; the other kinds leave these columns empty
    Provenance.FileSource file = p instanceof Provenance.FileSource fs ? fs : null;
    Provenance.ClusterSource cluster = p instanceof Provenance.ClusterSource cs ? cs : null;
    c.add(file == null ? "" : file.file());
    c.add(file == null || file.document() == 0 ? "" : String.valueOf(file.document()));
    c.add(file == null || file.line() == 0 ? "" : String.valueOf(file.line()));
    c.add(file == null || file.fieldLine() == 0 ? "" : String.valueOf(file.fieldLine()));
    c.add(cluster == null ? "" : cluster.cluster());
    c.add(cluster == null || cluster.collectedAt() == null ? "" : cluster.collectedAt().toString());
    c.add(f.path().toString());
    c.add(f.observed());
    c.add(f.message());
    c.add(f.remediation());
    c.add(f.kubectl());
    c.add(f.fingerprint());
    c.add(w == null ? "" : w.label());
    c.add(w == null ? "" : w.justification());
    c.add(w == null ? "" : w.approver());
    c.add(w == null || w.expires() == null ? "" : w.expires().toString());
    c.add(w == null ? "" : w.riskAnalysis());
    return c;
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    sb.append("\r\n");
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    char first = v.charAt(0);
    // every cell, a negative number included: "-1+1+cmd|' /C calc'!A0" is a formula to a spreadsheet
    if ("=+-@\t\r".indexOf(first) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
        || v.startsWith(" ") || v.endsWith(" ")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
