/**
 * The Kubernetes Pod Security Standards, evaluated offline the way upstream's {@code
 * k8s.io/pod-security-admission} policy package evaluates them at admission.
 *
 * <p>{@link dev.kubepci.pss.PodSecurityStandards#evaluate} takes a pod's metadata and spec (from
 * a Pod or any workload's pod template) with the paths at which they sit, and returns a {@link
 * dev.kubepci.pss.PssVerdict} listing one {@link dev.kubepci.pss.PssViolation} per offending
 * field. Every upstream check is reproduced with its version history from v1.0 to {@link
 * dev.kubepci.pss.PssVersion#NEWEST_KNOWN}; each check family lives in its own package-private
 * class.
 */
package dev.kubepci.pss;
