/**
 * Evidence bundles: a zip of the reports and the inputs they rest on with a manifest of digests, optionally signed
 * as a DSSE envelope over an in-toto statement, and the reader and verifier that check one.
 */
package dev.kubepci.evidence;
