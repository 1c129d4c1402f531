package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;

/** A mistake of the user's, reported as one line with an exit code and never as a stack trace. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public UserException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
