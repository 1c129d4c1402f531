/**
 * Rules on the cluster's certificates: signing durations, client certificate requests and kubelet certificate
 * rotation.
 */
package dev.kubepci.rules.pki;
