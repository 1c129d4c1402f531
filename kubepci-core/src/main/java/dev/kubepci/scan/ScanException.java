package dev.kubepci.scan;

import dev.kubepci.result.ExitCode;

/**
 * A scan that cannot start or cannot read its main input: the inputs named contradict each other, the cluster cannot
 * be reached, the snapshot to keep cannot be written. The message is one line meant for the user; the exit code
 * says whose the problem is. Input that is merely partly unreadable is never this: it is in the report. A front end
 * may raise its own usage errors as subclasses, so that one handler reports them all.
 */
public class ScanException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public ScanException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
