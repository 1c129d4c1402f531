/**
 * Certificates and secret values read from kubeconfigs and control-plane files: who a certificate names, and how a
 * secret is kept as a keyed fingerprint instead of its value.
 */
package dev.kubepci.pki;
