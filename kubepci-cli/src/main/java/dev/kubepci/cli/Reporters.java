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
  /** How each format is built; the terminal format needs to know whether to colour. */
  private static final Map<String, Function<Boolean, Reporter>> FORMATS = new TreeMap<>(Map.of(
      "terminal", color -> new TerminalReporter(new TerminalReporter.Options(color, 25)),
      "json", color -> new JsonReporter(),
      "sarif", color -> new SarifReporter(),
      "html", color -> new HtmlReporter(),
      "junit", color -> new JUnitReporter(),
      "markdown", color -> new MarkdownReporter(),
      "csv", color -> new CsvReporter()));

  private Reporters() {}

  static List<String> names() {
    return List.copyOf(FORMATS.keySet());
  }

  static Reporter forFormat(String format, boolean color) {
    Function<Boolean, Reporter> f = FORMATS.get(format);
    if (f == null) {
      throw new UserException(ExitCode.USAGE, "unknown format '" + format + "' (expected one of " + names() + ")");
    }
    return f.apply(color);
  }
}
