package dev.kubepci.result;

import dev.kubepci.rule.Severity;
import java.util.List;

/**
 * The one decision of what a scan's exit code is, and why. Rule errors (a bug in kubepci) outweigh reports that could
 * not be produced (also a bug), which outweigh report files that could not be written (the user's to fix), which
 * outweigh unreadable input; only then do failing findings at or above the threshold count. The terminal report's
 * {@code Exit:} line ({@link #summary()}) and a front end's closing line ({@link #explanation(boolean)}) both say
 * what this decides.
 *
 * @param threshold the {@code --fail-on} severity, null when failing findings do not count
 * @param failing failing (not waived) findings at or above the threshold; 0 without one
 * @param brokenReports the formats whose report could not be produced
 * @param unwrittenReports where reports could not be written
 */
public record ScanOutcome(ExitCode code, Severity threshold, long failing, int ruleErrors, int inputErrors,
    List<String> brokenReports, List<String> unwrittenReports) {
  public ScanOutcome {
    brokenReports = List.copyOf(brokenReports);
    unwrittenReports = List.copyOf(unwrittenReports);
  }

  /** The outcome of {@code report} judged at {@code threshold} (null: failing findings do not count). */
  public static ScanOutcome of(AssessmentReport report, Severity threshold) {
    long failing = threshold == null ? 0 : report.failingAtOrAbove(threshold);
    return decide(threshold, failing, report.ruleErrors().size(), report.errors().size(), List.of(), List.of());
  }

  /** The same outcome once the reports were written: some could not be produced, some not written. */
  public ScanOutcome withReportFailures(List<String> broken, List<String> unwritten) {
    return decide(threshold, failing, ruleErrors, inputErrors, broken, unwritten);
  }

  private static ScanOutcome decide(Severity threshold, long failing, int ruleErrors, int inputErrors,
      List<String> broken, List<String> unwritten) {
    ExitCode code;
    if (ruleErrors > 0 || !broken.isEmpty()) {
      code = ExitCode.INTERNAL;
    } else if (!unwritten.isEmpty()) {
      code = ExitCode.USAGE;
    } else if (inputErrors > 0) {
      code = ExitCode.INPUT_ERROR;
    } else if (failing > 0) {
      code = ExitCode.FINDINGS;
    } else {
      code = ExitCode.OK;
    }
    return new ScanOutcome(code, threshold, failing, ruleErrors, inputErrors, broken, unwritten);
  }

  /** The terminal report's short reason, {@code code 1: 3 failing findings at or above high (--fail-on high)}. */
  public String summary() {
    String reason;
    if (ruleErrors > 0) {
      reason = count(ruleErrors, "rule error") + " (listed above), a bug in kubepci";
    } else if (inputErrors > 0) {
      reason = count(inputErrors, "input error") + " (listed above); the rest was assessed";
    } else if (threshold == null) {
      reason = "--fail-on none";
    } else {
      String at = " at or above " + threshold.label() + " (--fail-on " + threshold.label() + ")";
      reason = failing == 0 ? "no failing finding" + at : count(failing, "failing finding") + at;
    }
    return "code " + code.code() + ": " + reason;
  }

  /**
   * Why the run exits with its code, in full: what outweighed what, and how the findings count.
   *
   * @param debug whether stack traces are printed (otherwise the reason says how to get them)
   */
  public String explanation(boolean debug) {
    String findings = threshold == null
        ? "failing findings do not count (--fail-on none)"
        : failing == 0 ? "no failing finding at or above " + threshold.label()
            : count(failing, "failing finding") + " at or above " + threshold.label();
    if (ruleErrors > 0) {
      // a bug in kubepci outweighs unreadable input: both are in the report
      return count(ruleErrors, "rule error") + ", a bug in kubepci: those rules are ERROR and their "
          + "practices cannot pass" + (debug ? "" : "; run with --debug for the stack traces")
          + (inputErrors == 0 ? "" : "; also " + count(inputErrors, "input error")) + "; " + findings;
    }
    if (!brokenReports.isEmpty()) {
      return count(brokenReports.size(), "report") + " could not be produced (" + String.join(", ", brokenReports)
          + ")";
    }
    if (!unwrittenReports.isEmpty()) {
      return count(unwrittenReports.size(), "report") + " could not be written ("
          + String.join(", ", unwrittenReports) + ")";
    }
    if (inputErrors > 0) {
      return count(inputErrors, "input error") + " (unreadable input, invalid or expired waivers or "
          + "attestations); the rest was assessed (see the report); " + findings;
    }
    return findings;
  }

  /** {@code 1 rule error}, {@code 2 rule errors}. */
  public static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
