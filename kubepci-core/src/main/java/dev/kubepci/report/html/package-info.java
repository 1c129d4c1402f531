/**
 * The self-contained HTML report.
 */
package dev.kubepci.report.html;
