package dev.kubepci.waiver;

import java.time.LocalDate;

/**
 * What became of a declared waiver in one assessment: it took effect ({@link Applied} to some findings, or
 * {@link Unmatched} when it covered none), or it was rejected ({@link Expired}, {@link Invalid}, {@link Repeated})
 * and covers nothing. Reporters switch on the type; {@link #state()} is how reports write it.
 */
public sealed interface WaiverOutcome
    permits WaiverOutcome.Applied, WaiverOutcome.Unmatched, WaiverOutcome.Rejected {

  /** The state reports write: {@code ACTIVE} for a waiver that took effect, else {@code EXPIRED} or {@code INVALID}. */
  default String state() {
    return "ACTIVE";
  }

  /** How many findings it covered: 0 unless {@link Applied}. */
  default int matched() {
    return 0;
  }

  /** Why it covers nothing, null when it took effect. */
  default String problem() {
    return null;
  }

  /** A valid waiver that covered {@code matched} findings (at least one). */
  record Applied(int matched) implements WaiverOutcome {
    public Applied {
      if (matched < 1) {
        throw new IllegalArgumentException("an applied waiver covers at least one finding: " + matched);
      }
    }
  }

  /** A valid waiver that no finding of this assessment matched: nothing to waive, or a scope that misses. */
  record Unmatched() implements WaiverOutcome {}

  /** A waiver that takes no effect; the findings it names stay FAIL and the run reports it as an error. */
  sealed interface Rejected extends WaiverOutcome permits Expired, Invalid, Repeated {
    /** {@code INVALID}, unless {@link Expired}. */
    @Override
    default String state() {
      return "INVALID";
    }

    @Override
    String problem();
  }

  /** A waiver past its expiry date. */
  record Expired(LocalDate on) implements Rejected {
    @Override
    public String state() {
      return "EXPIRED";
    }

    @Override
    public String problem() {
      return "expired on " + on;
    }
  }

  /** A malformed waiver: a missing field, an unknown rule or practice ({@code problem} says which). */
  record Invalid(String problem) implements Rejected {}

  /** A second waiver under the id of an earlier one; only the first counts. */
  record Repeated(String firstAt) implements Rejected {
    @Override
    public String problem() {
      return "repeats the id of the waiver at " + firstAt;
    }
  }
}
