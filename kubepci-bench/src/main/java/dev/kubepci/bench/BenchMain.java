package dev.kubepci.bench;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kubepci-bench}: the synthetic cluster generator and the benchmarks. The only caller of System.exit here. */
@Command(
    name = "kubepci-bench",
    mixinStandardHelpOptions = true,
    description = "Generates synthetic clusters and measures kubepci on them.",
    subcommands = {RunCommand.class, GenerateCommand.class, JmhCommand.class, MeasureCommand.class, StoreCommand.class, PagesCommand.class,
        CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a bench command; returns its exit code (0 ok, 1 a target missed, 2 usage, 4 failure). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new BenchMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("kubepci-bench: " + ex);
      return 4;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (generate, run, jmh ...)");
  }
}
