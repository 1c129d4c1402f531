/**
 * Snapshot bundles: a cluster's objects written once to a compressed JSON Lines file with a header, secret values
 * redacted, and read back later as an inventory as if collected live.
 */
package dev.kubepci.collect.snapshot;
