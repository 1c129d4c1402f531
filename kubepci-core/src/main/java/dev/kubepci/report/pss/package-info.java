/**
 * The Pod Security Standards review (text and JSON): each workload's level and the checks it fails.
 */
package dev.kubepci.report.pss;
