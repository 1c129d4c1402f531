package dev.kubepci.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kubepci.bench.generate.OutputFormat;
import dev.kubepci.bench.measure.BenchmarkSuite;
import dev.kubepci.bench.measure.MeasuredRun;
import dev.kubepci.bench.measure.ResultTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubepci-bench run}: the end-to-end benchmark, one fresh JVM per measurement. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Measure the full assessment with the JSON report (and, on request, reading alone or a live scan) "
        + "on synthetic clusters, each in a fresh JVM with a bounded heap, against the floor (jq on the same JSON "
        + "dump) measured in the same run, and check the performance targets.",
        "Exit code 0 when every target holds, 1 when one does not."})
final class RunCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-n", "--objects"}, split = ",", defaultValue = "1000,10000,100000",
      description = "Cluster sizes. Default: ${DEFAULT-VALUE}.")
  List<Integer> sizes;

  @Option(names = "--seed", defaultValue = "20250106", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--format", split = ",", defaultValue = "json,snapshot",
      description = "Inputs: yaml or json (kubectl List dump), snapshot (kubepci snapshot bundle). "
          + "Default: ${DEFAULT-VALUE}.")
  List<String> formats;

  @Option(names = "--floor", defaultValue = "jq",
      description = "The floor measured with each repetition: this command's '.items|length' on the JSON dump; "
          + "'none' to skip. Default: ${DEFAULT-VALUE}.")
  String floor;

  @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of the measured JVMs. Default: ${DEFAULT-VALUE}.")
  String heap;

  @Option(names = "--repeat", defaultValue = "1",
      description = "Paired runs of the floor and of each measurement; the median counts. Default: ${DEFAULT-VALUE}.")
  int repeat;

  @Option(names = "--mode", split = ",", defaultValue = "assess",
      description = "What to measure: read, assess, inventory, live, collect. Default: ${DEFAULT-VALUE}.")
  List<String> modes;

  @Option(names = "--work", defaultValue = "${sys:kubepci.bench.work:-target/bench}",
      description = "Directory for generated inputs (reused) and reports. Default: ${DEFAULT-VALUE}.")
  Path work;

  @Option(names = "--results", description = "Also write the measurements as JSON to this file.")
  Path results;

  @Option(names = "--jvm-arg", description = "Extra option for the measured JVMs (repeatable).")
  List<String> jvmArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<MeasuredRun.Mode> m = modes.stream().map(s -> MeasuredRun.Mode.valueOf(s.toUpperCase(Locale.ROOT))).toList();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    BenchmarkSuite.Options options = new BenchmarkSuite.Options(sizes, seed,
        formats.stream().map(OutputFormat::parse).toList(), heap, repeat, m, work, java,
        System.getProperty("java.class.path"), jvmArgs, "none".equals(floor) ? null : floor);
    BenchmarkSuite.Result result = new BenchmarkSuite(options).run(out);
    out.println();
    out.print(ResultTable.markdown(result));
    out.flush();
    if (results != null) {
      if (results.toAbsolutePath().getParent() != null) {
        Files.createDirectories(results.toAbsolutePath().getParent());
      }
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), result);
    }
    return result.allHold() ? 0 : 1;
  }
}
