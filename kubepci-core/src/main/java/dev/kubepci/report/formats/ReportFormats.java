package dev.kubepci.report.formats;

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

/**
 * The report formats kubepci writes, by name. A reporter is made when its format is asked for, and a format's
 * classes are loaded only then: a run that writes JSON never loads the HTML templates.
 */
public final class ReportFormats {
  /** Every format's name, sorted. */
  private static final List<String> NAMES =
      List.of("csv", "html", "json", "junit", "markdown", "oscal", "sarif", "terminal");

  /**
   * How the reports look.
   *
   * @param terminal the terminal report's width, colour, sections and {@code --fail-on} threshold
   * @param byDss organise the terminal, HTML and Markdown reports by PCI DSS requirement rather than by the
   *     guidance's areas (the other formats carry the requirement ids either way)
   */
  public record Options(TerminalReporter.Options terminal, boolean byDss) {
    /** The plain terminal report, organised by area. */
    public static final Options DEFAULTS = new Options(TerminalReporter.Options.PLAIN, false);
  }

  private ReportFormats() {}

  /** The names of the formats, sorted. */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The reporter of {@code format}.
   *
   * @throws IllegalArgumentException naming the known formats, when {@code format} is not one
   */
  public static Reporter reporter(String format, Options options) {
    return switch (format) {
      case "terminal" -> options.byDss() ? new DssTerminalReporter() : new TerminalReporter(options.terminal());
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter();
      case "html" -> new HtmlReporter(options.byDss());
      case "junit" -> new JUnitReporter();
      case "markdown" -> new MarkdownReporter(options.byDss());
      case "csv" -> new CsvReporter();
      case "oscal" -> new OscalReporter();
      default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected one of " + NAMES + ")");
    };
  }
}
