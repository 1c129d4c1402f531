/**
 * The {@code kubepci-bench} command line: generating synthetic clusters, measuring scans and running the JMH
 * benchmarks.
 */
package dev.kubepci.bench;
