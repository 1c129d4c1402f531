/**
 * The reporter family: {@link dev.kubepci.report.Reporter} and one sub-package per output format, each a pure
 * function of an {@link dev.kubepci.result.AssessmentReport}.
 */
package dev.kubepci.report;
