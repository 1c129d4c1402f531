/**
 * Rules on workloads: privileges, host namespaces, Pod Security baseline and restricted levels, resources, service
 * accounts and tokens.
 */
package dev.kubepci.rules.workload;
