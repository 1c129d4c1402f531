package dev.kubepci.result;

import dev.kubepci.waiver.Waiver;
import dev.kubepci.waiver.WaiverOutcome;

/**
 * A declared waiver and what became of it in this assessment.
 *
 * @param outcome applied (with the number of findings covered), unmatched, or rejected (expired, invalid, repeated)
 */
public record WaiverResult(Waiver waiver, WaiverOutcome outcome) {

  /** {@code ACTIVE}, {@code EXPIRED} or {@code INVALID}, as reports write it. */
  public String state() {
    return outcome.state();
  }

  /** How many findings it covered (0 unless applied). */
  public int matched() {
    return outcome.matched();
  }

  /** Why it covers nothing, null when it took effect. */
  public String problem() {
    return outcome.problem();
  }
}
