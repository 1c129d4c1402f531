/**
 * Rules on network segmentation: default deny, isolation of workloads, broad allows and whether the CNI enforces
 * policies.
 */
package dev.kubepci.rules.network;
