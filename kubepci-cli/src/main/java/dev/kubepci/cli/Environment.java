package dev.kubepci.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;

/** What a command may touch of the outside world, injected so that tests run commands in memory. */
public final class Environment {
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream stdin;
  private final Map<String, String> env;
  private final Clock clock;
  private boolean debug;

  public Environment(PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env, Clock clock) {
    this.out = out;
    this.err = err;
    this.stdin = stdin;
    this.env = Map.copyOf(env);
    this.clock = clock;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream stdin() {
    return stdin;
  }

  public Map<String, String> env() {
    return env;
  }

  public Clock clock() {
    return clock;
  }

  public boolean debug() {
    return debug;
  }

  void setDebug(boolean debug) {
    this.debug = debug;
  }

  /** True when stdout is an interactive terminal that accepts colour (and NO_COLOR is not set). */
  public boolean colorTerminal() {
    return System.console() != null && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  /** True when progress may be drawn on stderr: it is a terminal. */
  public boolean interactiveErr() {
    return System.console() != null && !"dumb".equals(env.get("TERM"));
  }
}
