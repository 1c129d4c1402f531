/**
 * The CSV report: one row per finding with its object, source and evidence.
 */
package dev.kubepci.report.csv;
