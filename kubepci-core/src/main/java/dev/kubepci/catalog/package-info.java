/**
 * The rule catalogue and the frameworks: rule descriptors read from {@code @RuleInfo} and from the texts file beside
 * the rule classes ({@code rules.yaml}), frameworks loaded from YAML data files, and the validation that rejects
 * malformed metadata or a mapping to a section that does not exist.
 */
package dev.kubepci.catalog;
