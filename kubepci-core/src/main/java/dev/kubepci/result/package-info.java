/**
 * What an assessment produced: {@link dev.kubepci.result.AssessmentReport} with its findings, rule and practice
 * results, waiver outcomes and errors; the model every reporter reads.
 */
package dev.kubepci.result;
