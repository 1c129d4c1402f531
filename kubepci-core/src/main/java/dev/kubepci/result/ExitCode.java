package dev.kubepci.result;

/** The documented exit codes of every kubepci command, and of a scan whatever front end runs it. */
public enum ExitCode {
  /** The run completed and nothing at or above --fail-on failed. */
  OK(0),
  /** At least one finding at or above the --fail-on severity. */
  FINDINGS(1),
  /** The command line is wrong: unknown option, missing argument, path that does not exist, empty input. */
  USAGE(2),
  /** Some input could not be read or parsed; everything else was still assessed. */
  INPUT_ERROR(3),
  /** A bug in kubepci; run with --debug and report it. */
  INTERNAL(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
