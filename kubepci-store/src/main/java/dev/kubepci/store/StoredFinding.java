package dev.kubepci.store;

import dev.kubepci.report.json.JsonReport;
import java.time.Instant;

/**
 * A finding of a stored assessment.
 *
 * @param finding the finding as the JSON report has it
 * @param firstSeen when the cluster's history first had this finding with exactly this content (a finding whose
 *     content changes starts a new version)
 * @param lastSeen the last assessment of the cluster that had it; for a finding still present, the cluster's
 *     latest assessment
 * @param copies how many identical copies the report had (almost always 1)
 */
public record StoredFinding(JsonReport.Finding finding, Instant firstSeen, Instant lastSeen, int copies) {}
