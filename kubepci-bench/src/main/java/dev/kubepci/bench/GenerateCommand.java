package dev.kubepci.bench;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.DumpWriter;
import dev.kubepci.bench.generate.SyntheticCluster;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubepci-bench generate}: writes one synthetic cluster as a dump. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic cluster of N objects as a kubectl-style List dump.")
final class GenerateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-n", "--objects"}, required = true, description = "Number of objects (at least 200).")
  int objects;

  @Option(names = "--seed", defaultValue = "20250106", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--format", defaultValue = "yaml", description = "yaml or json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, required = true, description = "File to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ClusterPlan plan = ClusterPlan.of(objects, seed);
    DumpWriter.Format f = DumpWriter.Format.parse(format);
    if (output.toAbsolutePath().getParent() != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
    }
    int written;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
      written = DumpWriter.write(new SyntheticCluster(plan), f, out);
    }
    spec.commandLine().getOut().printf("%s: %d objects (%d pods, %d namespaces, %d nodes), %d bytes%n", output,
        written, plan.pods(), plan.namespaceCount(), plan.nodeCount(), Files.size(output));
    return 0;
  }
}
