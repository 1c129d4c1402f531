/**
 * A synthetic API server that serves a generated cluster, to measure live collection without a cluster.
 */
package dev.kubepci.bench.live;
