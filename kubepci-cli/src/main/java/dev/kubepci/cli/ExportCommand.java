package dev.kubepci.cli;

import dev.kubepci.report.formats.ReportFormats;
import dev.kubepci.result.ExitCode;
import dev.kubepci.store.AssessmentStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kubepci export ID}: a stored assessment again, in any report format. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Write a stored assessment (an id from kubepci history) in a report format. The JSON report is "
        + "the one the scan wrote, byte for byte; the other formats are those the scan wrote to a file.",
    footer = {
        "",
        "Examples:",
        "  kubepci export 12 --format json --output q1.json",
        "  kubepci export 12 --format html --output q1.html --store jdbc:postgresql://db/kubepci",
        "",
        "Exit codes: 0 done, 2 usage error (an unknown id, a store that cannot be reached)."})
public final class ExportCommand extends KubepciSubcommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The assessment's id (kubepci history lists them).")
  long id;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
      description = "json, html, sarif, junit, markdown, csv, oscal or terminal. Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin
  SingleOutput output;

  @Mixin
  HistoryStore.Option store;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    String fmt = format.toLowerCase(Locale.ROOT);
    dev.kubepci.report.Reporter reporter = ReportRun.reporter(fmt, ReportFormats.Options.DEFAULTS);
    output.check(List.of());
    byte[] content;
    try (AssessmentStore s = HistoryStore.open(store.url, env, false)) {
      if ("json".equals(fmt)) {
        content = s.exportJson(id);
      } else {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(s.loadReport(id), out);
        content = out.toByteArray();
      }
    }
    output.write(env, content);
    return ExitCode.OK.code();
  }
}
