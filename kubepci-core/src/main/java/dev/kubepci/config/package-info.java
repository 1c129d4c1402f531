/**
 * kubepci's own configuration ({@code kubepci.yaml}, waiver and attestation files): loading with line numbers for
 * errors, and the declared PCI scope applied to an inventory ({@link dev.kubepci.config.PciScope}).
 */
package dev.kubepci.config;
