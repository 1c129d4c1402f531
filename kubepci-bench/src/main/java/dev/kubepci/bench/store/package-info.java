/**
 * Generates a fleet's daily JSON reports with a chosen churn, for the history store and server benchmarks.
 */
package dev.kubepci.bench.store;
