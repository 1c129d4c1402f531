/**
 * The SARIF 2.1.0 report, built from a typed model named after the specification: file locations for files, logical
 * locations for objects, configuration elements and derived facts.
 */
package dev.kubepci.report.sarif;
