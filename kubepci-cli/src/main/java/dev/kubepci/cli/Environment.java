package dev.kubepci.cli;

import dev.kubepci.report.terminal.TerminalReporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may touch of the outside world, injected so that tests run commands in memory.
 *
 * @param env the process's environment variables
 * @param terminals which standard streams are terminals
 * @param debug whether errors come with their stack traces ({@code --debug})
 */
public record Environment(PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env, Clock clock,
    Terminals terminals, boolean debug) {
  /**
   * Which of the standard streams are interactive terminals. Injected so that tests can see what a person at a
   * terminal sees (progress, colour) without one.
   */
  public record Terminals(boolean out, boolean err) {
    public static final Terminals NONE = new Terminals(false, false);

    /**
     * As the process sees them. On Linux each stream is looked up on its own (standard error stays a terminal
     * when the report is redirected to a file); elsewhere Java 17 can only tell whether it has a console at all.
     */
    public static Terminals detect() {
      boolean console = System.console() != null;
      return new Terminals(isTerminal(1).orElse(console), isTerminal(2).orElse(console));
    }

    private static Optional<Boolean> isTerminal(int fd) {
      try {
        String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        return Optional.of(target.startsWith("/dev/pts/") || target.startsWith("/dev/tty"));
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return Optional.empty();
      }
    }
  }

  public Environment {
    env = Map.copyOf(env);
  }

  public Environment(PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env, Clock clock) {
    this(out, err, stdin, env, clock, Terminals.detect());
  }

  public Environment(PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env, Clock clock,
      Terminals terminals) {
    this(out, err, stdin, env, clock, terminals, false);
  }

  /** This environment with stack traces on or off. */
  public Environment withDebug(boolean on) {
    return new Environment(out, err, stdin, env, clock, terminals, on);
  }

  /**
   * Resolves the key of secret fingerprints (see {@link RedactionKeys}) anew on each call: without a key configured
   * each call gives another random key, so a run resolves it once and passes it on.
   */
  public dev.kubepci.secrets.RedactionKey resolveRedactionKey() {
    return RedactionKeys.resolve(env);
  }

  /**
   * Says {@code message} on standard error as one line, {@code kubepci: message}, with its control characters
   * escaped ({@link dev.kubepci.report.Printable#text}): messages quote file names, values and server answers from
   * the input, which must neither reach the terminal as escape sequences nor forge lines of their own.
   */
  public void say(String message) {
    say(err, message);
  }

  /** {@link #say(String)} on {@code to}: standard output, for a line that belongs with what a command answers. */
  static void say(PrintWriter to, String message) {
    to.println("kubepci: " + dev.kubepci.report.Printable.text(message));
    to.flush();
  }

  /** Names the variables but never their values: the environment holds the redaction key and credentials. */
  @Override
  public String toString() {
    return "Environment[variables=" + new java.util.TreeSet<>(env.keySet()) + ", terminals=" + terminals + ", debug="
        + debug + "]";
  }

  /** True when stdout is an interactive terminal that accepts colour (and NO_COLOR is not set). */
  public boolean colorTerminal() {
    return terminals.out() && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  /**
   * How many columns the terminal report may use: {@code COLUMNS} when set, else the size of the terminal standard
   * output goes to, else (piped, or the size cannot be read) {@value TerminalReporter.Options#DEFAULT_WIDTH}.
   */
  public int columns() {
    String columns = env.get("COLUMNS");
    if (columns != null && columns.strip().matches("[1-9][0-9]{0,4}")) {
      return Integer.parseInt(columns.strip());
    }
    if (terminals.out()) {
      return terminalColumns().orElse(TerminalReporter.Options.DEFAULT_WIDTH);
    }
    return TerminalReporter.Options.DEFAULT_WIDTH;
  }

  /** The width of the controlling terminal as {@code stty size} reports it; Java has no API for it. */
  private static Optional<Integer> terminalColumns() {
    java.io.File tty = new java.io.File("/dev/tty");
    if (!tty.exists()) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return Optional.empty();
      }
      String[] rowsColumns = out.split("\\s+");
      return rowsColumns.length == 2 && rowsColumns[1].matches("[1-9][0-9]*")
          ? Optional.of(Integer.parseInt(rowsColumns[1])) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** True when progress may be drawn on stderr: it is a terminal. */
  public boolean interactiveErr() {
    return terminals.err() && !"dumb".equals(env.get("TERM"));
  }
}
