package dev.kubepci.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code kubepci} command. */
@Command(
    name = "kubepci",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Assesses Kubernetes against the PCI SSC Guidance for Containers and Container Orchestration Tools "
            + "(v1.0, September 2022): 42 best practices in 16 areas, each PASS, FAIL, MANUAL, NOT_APPLICABLE, "
            + "NOT_ASSESSED or WAIVED (every failure covered by a waiver), with evidence."},
    subcommands = {
        ScanCommand.class,
        PssCommand.class,
        CollectCommand.class,
        ReachCommand.class,
        RulesCommand.class,
        FrameworkCommand.class,
        DiffCommand.class,
        HistoryCommand.class,
        ExportCommand.class,
        EvidenceCommand.class,
        WhoCanCommand.class,
        AccessCommand.class,
        ServeCommand.class,
        ServerCommand.class,
        CommandLine.HelpCommand.class},
    footer = {
        "",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 unreadable input, 4 internal error."})
public final class KubepciCommand implements Runnable {
  private final Environment environment;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public KubepciCommand(Environment environment) {
    this.environment = environment;
  }

  public Environment environment() {
    return environment;
  }

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors (for bug reports).")
  void setDebug(boolean debug) {
    environment.setDebug(debug);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required (scan, pss, rules, framework, ...)");
  }
}
