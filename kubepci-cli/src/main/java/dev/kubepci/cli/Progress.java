package dev.kubepci.cli;

/**
 * A one-line progress indicator on standard error, drawn only when it is a terminal and not --quiet. Safe to call
 * from several threads: the collector reports from its workers.
 */
final class Progress {
  private final Environment env;
  private final boolean enabled;
  private final boolean quiet;
  private int lastLength;

  Progress(Environment env, boolean quiet) {
    this.env = env;
    this.quiet = quiet;
    this.enabled = !quiet && env.interactiveErr();
  }

  synchronized void update(String message) {
    if (!enabled) {
      return;
    }
    String line = "kubepci: " + dev.kubepci.report.Printable.text(message);
    env.err().print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    env.err().flush();
    lastLength = line.length();
  }

  /** A line worth keeping (a retry, a warning): printed whether or not stderr is a terminal, unless --quiet. */
  synchronized void note(String message) {
    if (quiet) {
      return;
    }
    clear();
    env.say(message);
  }

  synchronized void done() {
    clear();
  }

  private void clear() {
    if (enabled && lastLength > 0) {
      env.err().print("\r" + " ".repeat(lastLength) + "\r");
      env.err().flush();
      lastLength = 0;
    }
  }
}
