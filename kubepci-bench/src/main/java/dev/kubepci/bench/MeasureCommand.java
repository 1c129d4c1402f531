package dev.kubepci.bench;

import dev.kubepci.bench.measure.MeasuredRun;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubepci-bench measure}: one measurement in this JVM, printed as one JSON line (run by {@code run}). */
@Command(name = "measure", hidden = true, mixinStandardHelpOptions = true,
    description = "Measure one run in this JVM and print it as a JSON line.")
final class MeasureCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--mode", required = true, description = "read, inventory or assess.")
  String mode;

  @Option(names = "--input", required = true)
  Path input;

  @Option(names = "--report", description = "Where the JSON report goes (assess).")
  Path report;

  @Override
  public Integer call() throws Exception {
    MeasuredRun.Mode m = MeasuredRun.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    Path out = report != null ? report : Path.of(input + ".report.json");
    spec.commandLine().getOut().println(MeasuredRun.run(m, input, out).toJson());
    return 0;
  }
}
