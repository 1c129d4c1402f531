package dev.kubepci.waiver;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kubepci.model.Provenance;
import java.time.LocalDate;
import java.util.List;

/**
 * An assessor's verdict on a best practice that automation cannot decide: what evidence was reviewed, by whom,
 * when, and the result. It decides a practice only while the practice is MANUAL; it never overrides a failure or
 * missing data found by the automated checks.
 *
 * @param practice the best practice id ({@code 7.1})
 * @param verdict the assessor's verdict
 * @param evidence what was reviewed (documents, command output, interviews)
 * @param source where the attestation was declared, set by the loader
 */
public record Attestation(
    @JsonProperty("practice") String practice,
    @JsonProperty("verdict") Verdict verdict,
    @JsonProperty("reviewer") String reviewer,
    @JsonProperty("date") LocalDate date,
    @JsonProperty("evidence") List<String> evidence,
    @JsonProperty("note") String note,
    @JsonIgnore Provenance source) {

  /** What an assessor may conclude. */
  public enum Verdict { PASS, FAIL, NOT_APPLICABLE }

  public Attestation {
    // an empty item ("- ") reads as null; kept as "" so that validation names it instead of a crash
    evidence = evidence == null ? List.of() : evidence.stream().map(e -> e == null ? "" : e).toList();
  }

  public Attestation withSource(Provenance where) {
    return new Attestation(practice, verdict, reviewer, date, evidence, note, where);
  }
}
