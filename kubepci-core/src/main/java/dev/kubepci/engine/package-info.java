/**
 * The assessment: {@link dev.kubepci.engine.Assessor} runs every rule over an inventory, decides NOT_APPLICABLE and
 * ERROR, applies waivers and attestations, places findings in the PCI scope and rolls rule results up to practices
 * and areas.
 */
package dev.kubepci.engine;
