/**
 * Rules on the platform: Kubernetes and node versions, audit logging, encryption of secrets at rest, control-plane
 * transport and exposure.
 */
package dev.kubepci.rules.platform;
