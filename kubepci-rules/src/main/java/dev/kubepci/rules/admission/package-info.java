/**
 * Rules on admission control (which policy engines and webhooks run, what they enforce, whether they fail open) and
 * the readers of Kyverno, Gatekeeper, Kubewarden, jsPolicy, ValidatingAdmissionPolicy, Pod Security labels and
 * OpenShift SecurityContextConstraints that these rules share.
 */
package dev.kubepci.rules.admission;
