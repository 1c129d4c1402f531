package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.report.diff.DiffRenderer;
import dev.kubepci.report.diff.ReportDiff;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubepci diff OLD.json NEW.json}: what changed between two assessments. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Compare two JSON reports or stored assessments (ids from kubepci history): new, fixed and "
        + "unchanged findings (matched by rule, object and field path), and every best practice whose status changed.",
    footer = {
        "",
        "Examples:",
        "  kubepci diff last-quarter.json today.json",
        "  kubepci diff 11 12",
        "  kubepci diff main.json branch.json --format markdown --output diff.md \\",
        "      --fail-on high",
        "",
        "Exit codes: 0 done, 1 new failing findings at or above --fail-on, 2 usage error (a file that is not a "
            + "kubepci JSON report)."})
public final class DiffCommand extends KubepciSubcommand {
  @Parameters(index = "0", paramLabel = "OLD",
      description = "The earlier JSON report (kubepci scan --format json), or the id of a stored assessment.")
  String older;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later JSON report, or a stored assessment's id.")
  String newer;

  @picocli.CommandLine.Mixin
  HistoryStore.Option store;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "terminal",
      description = "terminal, markdown or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @picocli.CommandLine.Mixin
  SingleOutput output;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "none",
      description = "Exit with code 1 when a new failing finding is at this severity or higher: info, low, medium, "
          + "high, critical, or none. Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!DiffRenderer.FORMATS.contains(fmt)) {
      throw new UserException(ExitCode.USAGE, "unknown format '" + format + "' (expected one of "
          + DiffRenderer.FORMATS + ")");
    }
    Severity threshold = "none".equalsIgnoreCase(failOn) ? null : ScanCommand.parseSeverity(failOn);
    output.check(java.util.List.of(older, newer));
    ReportDiff diff;
    if (isId(older) || isId(newer)) {
      try (dev.kubepci.store.AssessmentStore s = HistoryStore.open(store.url, env, false)) {
        diff = ReportDiff.between(read(older, s), read(newer, s));
      }
    } else {
      diff = ReportDiff.between(read(Path.of(older)), read(Path.of(newer)));
    }
    String text = DiffRenderer.render(diff, fmt);
    output.write(env, text.getBytes(StandardCharsets.UTF_8));
    return threshold != null && !diff.addedFailingAtOrAbove(threshold).isEmpty()
        ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }

  /** A stored assessment's id: digits only, and no file of that name. */
  private static boolean isId(String arg) {
    return arg.matches("\\d{1,18}") && !Files.exists(Path.of(arg));
  }

  private static JsonReport read(String arg, dev.kubepci.store.AssessmentStore s) throws IOException {
    return isId(arg) ? s.loadJson(Long.parseLong(arg)) : read(Path.of(arg));
  }

  private static JsonReport read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ReportDiff.read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new UserException(ExitCode.USAGE, "no such file: " + file);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }
}
