/**
 * The subset of the NIST OSCAL model kubepci writes (catalog and assessment results), one record per OSCAL assembly.
 */
package dev.kubepci.oscal;
