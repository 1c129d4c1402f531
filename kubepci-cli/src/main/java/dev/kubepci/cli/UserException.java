package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.scan.ScanException;

/** A mistake of the user's, reported as one line with an exit code and never as a stack trace. */
public final class UserException extends ScanException {
  private static final long serialVersionUID = 1L;

  public UserException(ExitCode exitCode, String message) {
    super(exitCode, message);
  }
}
