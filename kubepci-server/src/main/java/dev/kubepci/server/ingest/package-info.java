/**
 * Ingest of JSON reports pushed by clusters: size limits, gzip, schema validation, idempotence by report hash.
 */
package dev.kubepci.server.ingest;
