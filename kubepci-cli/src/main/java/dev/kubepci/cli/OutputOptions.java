package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output}, paired in order: {@code --format html --output r.html --format json}
 * writes HTML to r.html and JSON to standard output. At most one format may go to standard output, and no file
 * may be named twice.
 */
public final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Report format: terminal, json, sarif, html, junit, markdown, csv or oscal (NIST OSCAL 1.1.2 assessment "
          + "results). "
          + "Repeat with --output for several reports in one run. "
          + "Default: terminal.")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report of the matching --format to FILE instead of standard output.")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--no-color", description = "Never colour the terminal report (colour is used only on a terminal).")
  boolean noColor;

  @Mixin
  OutputMode mode;

  /** A format and where it goes; {@code file} null for standard output. */
  public record Target(String format, String file) {}

  public List<Target> targets(String defaultFormat) {
    List<String> fs = formats.isEmpty() ? List.of(defaultFormat) : formats;
    if (outputs.size() > fs.size()) {
      throw new UserException(ExitCode.USAGE, "more --output than --format options: each --output needs its --format");
    }
    List<Target> targets = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    int toStdout = 0;
    for (int i = 0; i < fs.size(); i++) {
      String file = i < outputs.size() ? outputs.get(i) : null;
      if (file == null || file.equals("-")) {
        file = null;
        toStdout++;
      } else {
        files.add(Path.of(file));
      }
      targets.add(new Target(fs.get(i).toLowerCase(java.util.Locale.ROOT), file));
    }
    if (toStdout > 1) {
      throw new UserException(ExitCode.USAGE, "only one --format can go to standard output; give the others an --output");
    }
    OutputMode.requireDistinct(files);
    return targets;
  }
}
