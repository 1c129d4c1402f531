/**
 * Measured runs of whole scans: time, memory and heap histograms, collected into result tables.
 */
package dev.kubepci.bench.measure;
