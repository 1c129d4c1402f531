/**
 * Governance records: waivers (accepted risks with an approver and an expiry) and attestations (an assessor's
 * verdict on a manual practice), the rules that make one valid, and {@link dev.kubepci.waiver.WaiverOutcome}, what
 * became of a waiver.
 */
package dev.kubepci.waiver;
