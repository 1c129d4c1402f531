/**
 * The API rules implement: the rule shapes, {@link dev.kubepci.rule.RuleInfo} metadata, {@link
 * dev.kubepci.rule.RuleContext}, {@link dev.kubepci.rule.Violation} and {@link dev.kubepci.rule.Outcome}.
 */
package dev.kubepci.rule;
