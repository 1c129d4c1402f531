/**
 * Collection from a live API server: discovery, paged lists of every kind the rules read, throttling and retries,
 * with the objects given a cluster provenance and the kinds that could not be read reported, never silently missing.
 */
package dev.kubepci.collect.cluster;
