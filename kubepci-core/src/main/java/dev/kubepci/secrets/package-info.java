/**
 * Finding secret values where they do not belong (command lines) and the key of the fingerprints that stand for them
 * in reports.
 */
package dev.kubepci.secrets;
