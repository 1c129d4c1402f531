package dev.kubepci.cli;

/** A one-line progress indicator on standard error, drawn only when it is a terminal and not --quiet. */
final class Progress {
  private final Environment env;
  private final boolean enabled;
  private int lastLength;

  Progress(Environment env, boolean quiet) {
    this.env = env;
    this.enabled = !quiet && env.interactiveErr();
  }

  void update(String message) {
    if (!enabled) {
      return;
    }
    String line = "kubepci: " + message;
    env.err().print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    env.err().flush();
    lastLength = line.length();
  }

  void done() {
    if (enabled && lastLength > 0) {
      env.err().print("\r" + " ".repeat(lastLength) + "\r");
      env.err().flush();
      lastLength = 0;
    }
  }
}
