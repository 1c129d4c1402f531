/**
 * The JSON report, written from typed records and validated against {@code schemas/kubepci-report.schema.json}.
 */
package dev.kubepci.report.json;
