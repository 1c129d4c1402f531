package dev.kubepci.waiver;

/**
 * What became of a recorded attestation in one assessment: applied to its practice, either deciding it
 * ({@link Decided}: the practice was MANUAL and takes the attested verdict) or shown beside the verdict automation
 * gave ({@link Alongside}: a failure or missing data is never overridden); or rejected ({@link Invalid},
 * {@link Repeated}), reported as an error and applied nowhere.
 */
public sealed interface AttestationOutcome
    permits AttestationOutcome.Applied, AttestationOutcome.Rejected {

  /** The attestation this outcome is about. */
  Attestation attestation();

  /** An attestation attached to its practice. */
  sealed interface Applied extends AttestationOutcome permits Decided, Alongside {}

  /** The practice was MANUAL: the attested verdict is its status. */
  record Decided(Attestation attestation) implements Applied {}

  /** Automation decided the practice; the attestation is shown beside its verdict. */
  record Alongside(Attestation attestation) implements Applied {}

  /** An attestation that is applied nowhere; the run reports it as an error. */
  sealed interface Rejected extends AttestationOutcome permits Invalid, Repeated {
    /** Why it was not applied. */
    String problem();
  }

  /** A malformed attestation: no practice, verdict, reviewer, date or evidence, or a date after the assessment. */
  record Invalid(Attestation attestation, String problem) implements Rejected {}

  /** A second attestation for a practice that has one; the first is kept. */
  record Repeated(Attestation attestation) implements Rejected {
    @Override
    public String problem() {
      return "repeats practice " + attestation.practice() + " (the first attestation is kept)";
    }
  }
}
