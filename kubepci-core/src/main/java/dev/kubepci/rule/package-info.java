/**
 * The API rules implement: the rule shapes, {@link dev.kubepci.rule.RuleInfo} metadata and the declarations a shape
 * reads from the rule class ({@link dev.kubepci.rule.EachInstance}, {@link dev.kubepci.rule.EachKubelet}, {@link
 * dev.kubepci.rule.EachObject}, {@link dev.kubepci.rule.NamespaceTable}), {@link dev.kubepci.rule.RuleContext},
 * {@link dev.kubepci.rule.Violation} and {@link dev.kubepci.rule.Outcome}.
 */
package dev.kubepci.rule;
