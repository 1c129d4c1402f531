/**
 * The informative cross-reference from the practices of a framework to PCI DSS requirements, each mapping with its
 * rationale.
 */
package dev.kubepci.crossref;
