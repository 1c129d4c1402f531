/**
 * JMH micro-benchmarks of decoding, network policy, Pod Security and RBAC evaluation.
 */
package dev.kubepci.bench.jmh;
