/**
 * Rules on the declared PCI scope: the CDE's inventory, network segmentation, dedicated nodes and identities shared
 * with the rest.
 */
package dev.kubepci.rules.scope;
