package dev.kubepci.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
    footer = {
        "",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 unreadable input, 4 internal error."})
public final class KubepciCommand implements Runnable {
  /**
   * The subcommands by name, in the order of the usage help. Not in the {@code @Command} annotation: {@link Main}
   * adds them, and for a run of one command only that one (building the others is most of a short run's start).
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("scan", ScanCommand.class);
    all.put("pss", PssCommand.class);
    all.put("collect", CollectCommand.class);
    all.put("reach", ReachCommand.class);
    all.put("rules", RulesCommand.class);
    all.put("framework", FrameworkCommand.class);
    all.put("diff", DiffCommand.class);
    all.put("history", HistoryCommand.class);
    all.put("export", ExportCommand.class);
    all.put("evidence", EvidenceCommand.class);
    all.put("who-can", WhoCanCommand.class);
    all.put("access", AccessCommand.class);
    all.put("serve", ServeCommand.class);
    all.put("server", ServerCommand.class);
    all.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(all);
  }

  private Environment environment;

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
    environment = environment.withDebug(debug);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required (scan, pss, rules, framework, ...)");
  }
}
