/**
 * The terminal report organised by the PCI DSS requirements of the cross-reference.
 */
package dev.kubepci.report.dss;
