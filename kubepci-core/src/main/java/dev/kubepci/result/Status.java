package dev.kubepci.result;

/** The verdict of a rule or a best practice. */
public enum Status {
  /** Every check that decides it passed. */
  PASS,
  /** At least one check failed. */
  FAIL,
  /** Automation cannot decide (or decided only part): the evidence to collect is listed. */
  MANUAL,
  /** Nothing it applies to exists in the input. */
  NOT_APPLICABLE,
  /** Data needed to decide was missing; the reason says which. Never a pass. */
  NOT_ASSESSED,
  /** Failures exist but every one is covered by a valid waiver. */
  WAIVED,
  /**
   * The rule failed with an internal error (a bug in kubepci): it decided nothing, and the practices it decides
   * cannot pass. Rules only; a practice with an erroneous rule is NOT_ASSESSED unless another rule fails.
   */
  ERROR
}
