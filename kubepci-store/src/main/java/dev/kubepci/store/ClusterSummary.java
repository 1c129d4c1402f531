package dev.kubepci.store;

/**
 * A cluster of the store with its latest assessment.
 *
 * @param assessments how many assessments it has
 * @param latest its latest assessment (highest sequence number)
 */
public record ClusterSummary(String name, int assessments, AssessmentSummary latest) {}
