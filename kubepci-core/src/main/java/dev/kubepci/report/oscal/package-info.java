/**
 * The OSCAL assessment-results report.
 */
package dev.kubepci.report.oscal;
