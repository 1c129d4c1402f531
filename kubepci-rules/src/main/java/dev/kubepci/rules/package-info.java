/**
 * The built-in rules, grouped by domain in sub-packages, and {@link dev.kubepci.rules.BuiltInRules}, their sorted
 * registry with the framework they are mapped to.
 */
package dev.kubepci.rules;
