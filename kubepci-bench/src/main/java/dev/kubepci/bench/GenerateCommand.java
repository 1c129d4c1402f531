package dev.kubepci.bench;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.OutputFormat;
import dev.kubepci.bench.generate.SyntheticCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kubepci-bench generate}: writes one synthetic cluster as a dump. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic cluster of N objects as a kubectl-style List dump or a kubepci snapshot.")
final class GenerateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-n", "--objects"}, required = true, description = "Number of objects (200 to 16,000,000).")
  int objects;

  @Option(names = "--seed", defaultValue = "20250106", description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--format", defaultValue = "yaml",
      description = "yaml or json (a kubectl List dump), or snapshot (a kubepci snapshot bundle, " + ".kpci.jsonl.gz"
          + "). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, required = true, description = "File to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    ClusterPlan plan = ClusterPlan.of(objects, seed);
    int written = OutputFormat.parse(format).write(new SyntheticCluster(plan), output);
    spec.commandLine().getOut().printf("%s: %d objects (%d pods, %d namespaces, %d nodes), %d bytes%n", output,
        written, plan.pods(), plan.namespaceCount(), plan.nodeCount(), Files.size(output));
    return 0;
  }
}
