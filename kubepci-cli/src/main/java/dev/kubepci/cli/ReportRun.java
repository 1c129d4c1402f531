package dev.kubepci.cli;

import dev.kubepci.model.ServerUrl;
import dev.kubepci.report.OutputFile;
import dev.kubepci.report.ReportBuffer;
import dev.kubepci.report.Reporter;
import dev.kubepci.report.formats.ReportFormats;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.ExitCode;
import dev.kubepci.result.RuleError;
import dev.kubepci.result.ScanOutcome;
import dev.kubepci.rule.Severity;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of one scan and what became of them. A report for a file is produced into a temporary file that takes
 * the file's name once complete (a 300 MB report of 300,000 objects is never held in memory); a report for standard
 * output, a pipe or a device is produced in memory and then written whole. Either way a report that fails (a bug in
 * one format) or a file that cannot be written (a full disk, a read-only folder) costs that report alone: the others
 * are still written, the failure is one line on standard error, and the exit code says so. At the end one line on
 * standard error says why the exit code is what it is.
 */
final class ReportRun {
  private final Environment env;
  private final OutputMode mode;
  private final boolean quiet;
  private final List<String> broken = new ArrayList<>();
  private final List<String> unwritten = new ArrayList<>();

  /** The reporter of a format; an unknown format is a usage error. */
  static Reporter reporter(String format, ReportFormats.Options options) {
    try {
      return ReportFormats.reporter(format, options);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }

  ReportRun(Environment env, OutputMode mode, boolean quiet) {
    this.env = env;
    this.mode = mode;
    this.quiet = quiet;
  }

  /**
   * Refuses, before any work, a report file named twice, or that is also an input file or the snapshot to save:
   * the report would replace it.
   */
  static void requireOutputsApart(List<OutputOptions.Target> targets, List<String> inputs, Path snapshot) {
    List<Path> files = new ArrayList<>(targets.stream().filter(t -> t.file() != null).map(t -> Path.of(t.file()))
        .toList());
    if (snapshot != null) {
      files.add(snapshot);
    }
    OutputMode.requireDistinct(files);
    for (OutputOptions.Target t : targets) {
      if (t.file() != null) {
        OutputMode.requireNotInput(t.file(), inputs);
      }
    }
  }

  /** Produces and writes one report; a failure is reported and remembered, never thrown. */
  void write(Reporter reporter, AssessmentReport report, String file) {
    if (file != null && OutputMode.streams(file)) {
      writeInto(reporter, report, file);
      return;
    }
    String where = file == null ? "standard output" : file;
    ReportBuffer content = new ReportBuffer();
    try {
      reporter.write(report, content);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      broken(reporter, where, e);
      return;
    }
    try {
      mode.write(env, file, content, quiet);
    } catch (UserException e) {
      unwritten(where, e.getMessage());
      return;
    }
    if (file == null && env.out().checkError()) { // flushes; a PrintWriter keeps a write error until asked
      unwritten(where, Main.STDOUT_FAILED);
    }
  }

  /** Produces a report straight into its file, which takes its name only when the report is complete. */
  private void writeInto(Reporter reporter, AssessmentReport report, String file) {
    OutputFile target;
    try {
      target = mode.open(file);
    } catch (UserException e) {
      unwritten(file, e.getMessage());
      return;
    }
    try (target) {
      FileStream stream = new FileStream(target.stream());
      try {
        reporter.write(report, stream);
        stream.flush();
      } catch (IOException | RuntimeException | StackOverflowError e) {
        IOException failedWrite = FileStream.failedWrite(e);
        if (failedWrite != null) {
          unwritten(file, OutputFile.OutputException.of(target.target(), failedWrite).getMessage());
        } else {
          broken(reporter, file, e);
        }
        return; // closing discards the temporary file: the target keeps what it had
      }
      try {
        mode.commit(env, target, file, stream.bytes, quiet);
      } catch (UserException e) {
        unwritten(file, e.getMessage());
      }
    } catch (IOException e) {
      // the temporary file of a report that failed could not be deleted: the report's own failure was reported
    }
  }

  private void broken(Reporter reporter, String where, Throwable e) {
    broken.add(reporter.format());
    env.say("internal error: the " + reporter.format() + " report for " + where
        + " could not be produced: " + ServerUrl.redactIn(String.valueOf(e))
        + (env.debug() ? "" : " (run with --debug for details)") + "; the other reports are written");
    if (env.debug()) {
      e.printStackTrace(env.err());
    }
    env.err().flush();
  }

  private void unwritten(String where, String message) {
    unwritten.add(where);
    env.say(message);
  }

  /**
   * The stream a reporter writes a file through: it counts the bytes, and marks a failure of the file itself (a full
   * disk) so that it is told from a failure of the reporter, whatever the reporter wraps it in.
   */
  private static final class FileStream extends FilterOutputStream {
    long bytes;

    FileStream(OutputStream out) {
      super(out);
    }

    /** The file's own failure behind {@code e}, or null when the reporter failed. */
    static IOException failedWrite(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof FailedWrite f) {
          return (IOException) f.getCause();
        }
      }
      return null;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw new FailedWrite(e);
      }
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw new FailedWrite(e);
      }
      bytes += len;
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw new FailedWrite(e);
      }
    }

    @Override
    public void close() {
      // the file is committed or discarded by its owner, never closed by a reporter
    }
  }

  /** A write to the report's file that failed. */
  private static final class FailedWrite extends IOException {
    private static final long serialVersionUID = 1L;

    FailedWrite(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * The exit code of the scan, with one line on standard error that says why (see {@link ScanOutcome}): a rule that
   * failed or a report that could not be produced (4), a file not written (2), input errors (3), failing findings at
   * or above the threshold (1), or none (0; not printed with --quiet).
   */
  ExitCode exit(AssessmentReport report, Severity threshold) {
    for (RuleError e : report.ruleErrors()) {
      env.say("internal error in rule " + e.describe());
      if (env.debug()) {
        env.err().print(e.stackTrace());
      }
    }
    ScanOutcome outcome = ScanOutcome.of(report, threshold).withReportFailures(broken, unwritten);
    if (outcome.code() != ExitCode.OK || !quiet) {
      env.say("exit " + outcome.code().code() + ": " + outcome.explanation(env.debug()));
    }
    return outcome.code();
  }
}
