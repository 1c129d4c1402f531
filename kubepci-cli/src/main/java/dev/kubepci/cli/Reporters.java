package dev.kubepci.cli;

import dev.kubepci.report.Reporter;
import dev.kubepci.report.csv.CsvReporter;
import dev.kubepci.report.dss.DssTerminalReporter;
import dev.kubepci.report.html.HtmlReporter;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.report.junit.JUnitReporter;
import dev.kubepci.report.markdown.MarkdownReporter;
import dev.kubepci.report.oscal.OscalReporter;
import dev.kubepci.report.sarif.SarifReporter;
import dev.kubepci.report.terminal.TerminalReporter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The report formats kubepci writes, by name. */
final class Reporters {
  /** How each format is built; the terminal format takes its width, colour and sections. */
  private static final Map<String, Function<TerminalReporter.Options, Reporter>> FORMATS = new TreeMap<>(Map.of(
      "terminal", TerminalReporter::new,
      "json", terminal -> new JsonReporter(),
      "sarif", terminal -> new SarifReporter(),
      "html", terminal -> new HtmlReporter(),
      "junit", terminal -> new JUnitReporter(),
      "markdown", terminal -> new MarkdownReporter(),
      "csv", terminal -> new CsvReporter(),
      "oscal", terminal -> new OscalReporter()));

  private Reporters() {}

  static List<String> names() {
    return List.copyOf(FORMATS.keySet());
  }

  /**
   * The reporter of a format; with {@code byDss}, the terminal, HTML and Markdown reports are organised by PCI DSS
   * requirement (the other formats carry the requirement ids either way).
   */
  static Reporter forFormat(String format, TerminalReporter.Options terminal, boolean byDss) {
    Reporter plain = forFormat(format, terminal);
    if (!byDss) {
      return plain;
    }
    return switch (plain.format()) {
      case "terminal" -> new DssTerminalReporter();
      case "html" -> new HtmlReporter(true);
      case "markdown" -> new MarkdownReporter(true);
      default -> plain;
    };
  }

  static Reporter forFormat(String format, TerminalReporter.Options terminal) {
    Function<TerminalReporter.Options, Reporter> f = FORMATS.get(format);
    if (f == null) {
      throw new UserException(ExitCode.USAGE, "unknown format '" + format + "' (expected one of " + names() + ")");
    }
    return f.apply(terminal);
  }
}
