package dev.kubepci.cli;

import dev.kubepci.report.Reporter;
import dev.kubepci.report.csv.CsvReporter;
import dev.kubepci.report.html.HtmlReporter;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.report.junit.JUnitReporter;
import dev.kubepci.report.markdown.MarkdownReporter;
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
      "csv", terminal -> new CsvReporter()));

  private Reporters() {}

  static List<String> names() {
    return List.copyOf(FORMATS.keySet());
  }

  static Reporter forFormat(String format, TerminalReporter.Options terminal) {
    Function<TerminalReporter.Options, Reporter> f = FORMATS.get(format);
    if (f == null) {
      throw new UserException(ExitCode.USAGE, "unknown format '" + format + "' (expected one of " + names() + ")");
    }
    return f.apply(terminal);
  }
}
