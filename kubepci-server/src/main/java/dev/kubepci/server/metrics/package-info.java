/**
 * The Prometheus text exposition at /metrics: practice status per cluster, failing findings by severity, time of
 * the last assessment.
 */
package dev.kubepci.server.metrics;
