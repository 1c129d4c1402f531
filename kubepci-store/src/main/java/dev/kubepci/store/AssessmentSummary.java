package dev.kubepci.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored assessment as history lists it: who, when, what it rests on, and its counts.
 *
 * @param id the store's id of the assessment, what {@code kubepci export} and {@code kubepci diff} take
 * @param cluster the name it was recorded under
 * @param seq its place in the cluster's history, 1 for the first
 * @param generatedAt when the report was generated
 * @param storedAt when the store received it
 * @param reportSha256 SHA-256 of the JSON report it came from; the export reproduces those bytes
 * @param catalogueSha256 SHA-256 of the rule catalogue the report names (its rules' ids, names, titles, severities
 *     and practices)
 * @param practices practices per status (PASS, FAIL, MANUAL, NOT_APPLICABLE, NOT_ASSESSED), every status present
 * @param failing failing (not waived) findings per severity (CRITICAL ... INFO), every severity present
 * @param findings all findings, failing and waived
 */
public record AssessmentSummary(
    long id, String cluster, int seq, Instant generatedAt, Instant storedAt, String reportSha256, long reportSize,
    String toolName, String toolVersion, String frameworkId, String frameworkVersion, String catalogueSha256,
    List<String> inputs, int objects, Map<String, Integer> practices, Map<String, Integer> failing, int waived,
    int findings, int errors) {

  public AssessmentSummary {
    inputs = List.copyOf(inputs);
    practices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(practices));
    failing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failing));
  }

  /** Failing (not waived) findings of every severity. */
  public int failingTotal() {
    return failing.values().stream().mapToInt(Integer::intValue).sum();
  }
}
