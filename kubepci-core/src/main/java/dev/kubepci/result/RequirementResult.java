package dev.kubepci.result;

import dev.kubepci.waiver.Attestation;
import dev.kubepci.waiver.AttestationOutcome;
import java.util.List;

/**
 * The verdict on one best practice.
 *
 * @param assessment automated, partial or manual, from the framework
 * @param automatedStatus the roll-up of its rules alone; null when it has none
 * @param reason why the status is what it is, for anything but a plain PASS or FAIL
 * @param evidence facts gathered by the rules (counts, notes)
 * @param toCollect what the assessor must still collect for what automation cannot decide
 * @param findings number of findings (failed or waived) under it
 * @param attestationOutcome the assessor's attestation for this practice and whether it decided the status or is
 *     shown beside it; null when none was recorded
 */
public record RequirementResult(
    String id, String area, String title, String assessment, Status status, Status automatedStatus,
    List<String> rules, String reason, List<String> evidence, List<String> toCollect, List<String> commands,
    List<String> questions, int findings, AttestationOutcome.Applied attestationOutcome) {
  public RequirementResult {
    rules = List.copyOf(rules);
    evidence = List.copyOf(evidence);
    toCollect = List.copyOf(toCollect);
    commands = List.copyOf(commands);
    questions = List.copyOf(questions);
  }

  /** A result without an attestation. */
  public RequirementResult(
      String id, String area, String title, String assessment, Status status, Status automatedStatus,
      List<String> rules, String reason, List<String> evidence, List<String> toCollect, List<String> commands,
      List<String> questions, int findings) {
    this(id, area, title, assessment, status, automatedStatus, rules, reason, evidence, toCollect, commands,
        questions, findings, null);
  }

  /** The assessor's attestation for this practice, null when none was recorded. */
  public Attestation attestation() {
    return attestationOutcome == null ? null : attestationOutcome.attestation();
  }

  /** True when the attestation decided the status (the practice was otherwise MANUAL). */
  public boolean attested() {
    return attestationOutcome instanceof AttestationOutcome.Decided;
  }

  /**
   * True when the practice still waits for a person: MANUAL and no attestation decided it. Reports list these as
   * open.
   */
  public boolean isOpen() {
    return status == Status.MANUAL && !attested();
  }
}
