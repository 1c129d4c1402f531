/**
 * Rules on RBAC: cluster-admin and risky grants, escalation verbs, anonymous and broad groups, generic and default
 * accounts.
 */
package dev.kubepci.rules.rbac;
