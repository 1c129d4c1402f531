/**
 * Synthetic clusters of a chosen size, written as manifests, dumps or snapshot bundles, for benchmarks and scale
 * tests.
 */
package dev.kubepci.bench.generate;
