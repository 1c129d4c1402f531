package dev.kubepci.result;

import dev.kubepci.waiver.Waiver;

/**
 * A declared waiver and what became of it in this assessment.
 *
 * @param state ACTIVE (valid; it covered {@code matched} findings), EXPIRED, or INVALID (see {@code problem})
 * @param matched how many findings it covered (0 unless ACTIVE)
 * @param problem why it covers nothing, null when ACTIVE
 */
public record WaiverResult(Waiver waiver, State state, int matched, String problem) {
  /** Whether a waiver took effect. */
  public enum State { ACTIVE, EXPIRED, INVALID }
}
