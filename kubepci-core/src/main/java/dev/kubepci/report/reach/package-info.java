/**
 * The network reach report: per pair of endpoints the verdict, what flows and the policy rules that decided it.
 */
package dev.kubepci.report.reach;
