package dev.kubepci.store;

/**
 * The outcome of recording a report.
 *
 * @param assessment the stored assessment
 * @param created false when the cluster already had an assessment of a report with the same SHA-256 (recording is
 *     idempotent by report hash): nothing new was stored
 */
public record Recorded(AssessmentSummary assessment, boolean created) {}
