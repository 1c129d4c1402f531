/**
 * Network policies evaluated as the CNI would: Kubernetes NetworkPolicies and Calico and Cilium policies, which of
 * them the cluster's CNI enforces, and the reach between pods, namespaces and addresses that rules ask about.
 */
package dev.kubepci.netpol;
