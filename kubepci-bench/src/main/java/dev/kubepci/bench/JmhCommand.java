package dev.kubepci.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code kubepci-bench jmh}: the JMH micro-benchmarks of the hot paths; arguments are JMH's own. */
@Command(name = "jmh", mixinStandardHelpOptions = false,
    description = {"Run the JMH benchmarks of the hot paths (deserialisation, Pod Security evaluation, ...).",
        "Arguments go to JMH unchanged (e.g. 'Deserialisation -f 1 -wi 2 -i 3', or -h for JMH's help); without any, "
            + "every kubepci benchmark runs with its own settings."})
final class JmhCommand implements Callable<Integer> {
  @Unmatched
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    // the jar holds only kubepci's benchmarks: without a pattern, JMH runs them all
    new Runner(new CommandLineOptions(args.toArray(String[]::new))).run();
    return 0;
  }
}
