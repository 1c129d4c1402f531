package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.scan.ScanException;
import dev.kubepci.collect.InputException;
import dev.kubepci.config.ConfigLoader;
import dev.kubepci.model.ServerUrl;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import picocli.CommandLine;

/** Entry point: builds the command tree, maps failures to exit codes, and is the only caller of System.exit. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, out, err, System.in, System.getenv());
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Why standard output may not take what is written to it. */
  static final String STDOUT_CAUSES = "(a full disk, a device error, or a pipe whose reader stopped)";

  /** What a command whose standard output could not be written says (exit code 2). */
  static final String STDOUT_FAILED = "cannot write standard output " + STDOUT_CAUSES + ": what was printed is "
      + "incomplete";

  /**
   * Runs kubepci as if from the command line; returns the exit code. Output that could not be written to standard
   * output (redirected to a full disk, say) is a usage error, exit 2, never a silent success: commands print to
   * standard output without checking, and this says so once they are done (a scan says it itself, per report).
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env) {
    int code = execute(args, out, err, stdin, env);
    if (out.checkError() && code != ExitCode.USAGE.code()) {
      // a scan says so itself (the report for standard output was not written: exit 2); other commands here
      err.println("kubepci: " + STDOUT_FAILED);
      err.flush();
      // as in a scan: output not written outweighs input errors and findings, a bug in kubepci outweighs it
      return code == ExitCode.INTERNAL.code() ? code : ExitCode.USAGE.code();
    }
    return code;
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err, InputStream stdin,
      Map<String, String> env) {
    if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
      // what picocli prints for the option, without building the command tree first (most of the start-up time)
      for (String line : new VersionProvider().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCode.OK.code();
    }
    if ("scan".equals(subcommandRun(args))) {
      BuiltIns.preload(); // while picocli builds and parses the command
    }
    CommandLine cli = commandLine(new Environment(out, err, stdin, env, clock(env)), args);
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands on Errors; by now the stack that held the input has unwound, so there is room to say so
      return outOfMemory(e, ((KubepciCommand) cli.getCommand()).environment());
    }
  }

  /**
   * Out of memory is never a finding (exit 1) nor a stack trace: one line that says what to do, and exit 4.
   * Limits on what kubepci reads (line length, snapshot size, pages) keep hostile input from getting here.
   */
  static int outOfMemory(OutOfMemoryError e, Environment environment) {
    PrintWriter err = environment.err();
    err.println("kubepci: internal error: out of memory (" + e.getMessage() + "); give Java more heap, e.g. "
        + "KUBEPCI_JAVA_OPTS=-Xmx4g, or assess less input at a time" + (environment.debug() ? "" : " (run with "
        + "--debug for details)"));
    if (environment.debug()) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  /** The command tree, wired to an environment; tests parse with it without running anything. */
  public static CommandLine commandLine(Environment environment) {
    return commandLine(environment, null);
  }

  /**
   * The command tree for {@code args}: with only the subcommand they run when they name one (after the top-level
   * flags), the whole tree otherwise (usage, help, a mistyped command and its suggestions). The settings below come
   * after the subcommands, as picocli hands them only to the subcommands present.
   */
  static CommandLine commandLine(Environment environment, String[] args) {
    KubepciCommand root = new KubepciCommand(environment);
    CommandLine cli = new CommandLine(root);
    String only = args == null ? null : subcommandRun(args);
    for (Map.Entry<String, Class<?>> sub : KubepciCommand.SUBCOMMANDS.entrySet()) {
      if (only == null || only.equals(sub.getKey())) {
        cli.addSubcommand(sub.getKey(), sub.getValue());
      }
    }
    cli.setOut(environment.out());
    cli.setErr(environment.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // the root's environment as parsed: --debug gives one with stack traces
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, root.environment(), parseResult));
    cli.setParameterExceptionHandler((ex, unused) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      Environment.say(err, ex.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
        err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      }
      return ExitCode.USAGE.code();
    });
    return cli;
  }

  /**
   * The subcommand {@code args} run when it is the first word after top-level {@code --debug} flags and not
   * {@code help} (which needs the others); null otherwise.
   */
  static String subcommandRun(String[] args) {
    for (String arg : args) {
      if (!"--debug".equals(arg)) {
        return KubepciCommand.SUBCOMMANDS.containsKey(arg) && !"help".equals(arg) ? arg : null;
      }
    }
    return null;
  }

  private static int handle(Exception ex, Environment environment, CommandLine.ParseResult parseResult) {
    PrintWriter err = environment.err();
    if (ex.getCause() instanceof OutOfMemoryError oom) {
      return outOfMemory(oom, environment); // from a worker thread, wrapped on its way out
    }
    ExitCode code;
    if (ex instanceof ScanException s) {
      environment.say(ServerUrl.redactIn(s.getMessage()));
      code = s.exitCode();
    } else if (ex instanceof InputException || ex instanceof ConfigLoader.ConfigException
        || ex instanceof dev.kubepci.store.StoreException
        || ex instanceof IllegalArgumentException && isUserMessage(ex)) {
      environment.say(ServerUrl.redactIn(ex.getMessage()));
      code = ExitCode.USAGE;
    } else {
      environment.say("internal error: " + ServerUrl.redactIn(String.valueOf(ex))
          + (environment.debug() ? "" : " (run with --debug for details)"));
      code = ExitCode.INTERNAL;
    }
    if (environment.debug()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code.code();
  }

  private static boolean isUserMessage(Exception ex) {
    return ex.getStackTrace().length > 0 && ex.getStackTrace()[0].getClassName().startsWith("dev.kubepci");
  }

  /** The assessment clock: now, or SOURCE_DATE_EPOCH (seconds) for reproducible reports. */
  static Clock clock(Map<String, String> env) {
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("\\d+")) {
      return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
    }
    return Clock.systemUTC();
  }
}
