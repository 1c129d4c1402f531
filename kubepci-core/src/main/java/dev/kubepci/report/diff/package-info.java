/**
 * Comparing two JSON reports: findings added, fixed and changed in status, rendered as text or JSON.
 */
package dev.kubepci.report.diff;
