package dev.kubepci.catalog;

import dev.kubepci.model.ManagedProvider;
import dev.kubepci.rule.Rule;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;
import java.util.Map;

/**
 * A rule with its metadata, read from its {@link RuleInfo} and its texts from the {@link RuleTexts} beside it.
 *
 * @param managed per managed provider, what shows the control the rule checks when the provider runs the component
 *     (named when the component is not visible; empty for most rules)
 */
public record RuleDescriptor(
    String id, String name, String title, Severity severity, String rationale, String remediation,
    List<String> references, Map<ManagedProvider, String> managed, List<String> reads, Rule rule) {

  public static RuleDescriptor of(Rule rule) {
    RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(rule.getClass().getName() + " has no @RuleInfo");
    }
    RuleTexts.Entry texts = RuleTexts.of(rule.getClass()).entry(info.id(), rule.getClass());
    return new RuleDescriptor(info.id(), info.name(), texts.title(), info.severity(), texts.rationale(),
        texts.remediation(), texts.references(), texts.managed(), reads(rule, info), rule);
  }

  /**
   * What the rule reads: a workload rule reads the workload kinds first without naming them, a rule that says
   * {@link RuleInfo#readsNetworkPolicies()} the policy model's kinds before what it names, a rule that says
   * {@link RuleInfo#readsWorkloads()} the workload kinds after it, and a component rule the kinds its instances come
   * from ({@link dev.kubepci.rule.Components#reads()}) last.
   */
  private static List<String> reads(Rule rule, RuleInfo info) {
    java.util.LinkedHashSet<String> kinds = new java.util.LinkedHashSet<>();
    if (rule instanceof dev.kubepci.rule.WorkloadRule) {
      kinds.addAll(dev.kubepci.rule.WorkloadRule.KINDS);
    }
    if (info.readsNetworkPolicies()) {
      kinds.addAll(dev.kubepci.netpol.NetworkPolicies.KINDS);
    }
    kinds.addAll(List.of(info.reads()));
    if (info.readsWorkloads()) {
      kinds.addAll(dev.kubepci.rule.WorkloadRule.KINDS);
    }
    if (rule instanceof dev.kubepci.rule.ComponentRule<?> component) {
      try {
        kinds.addAll(component.components().reads());
      } catch (IllegalStateException e) {
        // a rule that does not say what it checks: the catalogue's validation names it
      }
    }
    return List.copyOf(kinds);
  }

  /** The rule's shape, for help texts: workload, resource, component, namespace, subject or cluster. */
  public String scope() {
    if (rule instanceof dev.kubepci.rule.WorkloadRule) {
      return "workload";
    } else if (rule instanceof dev.kubepci.rule.ResourceRule) {
      return "resource";
    } else if (rule instanceof dev.kubepci.rule.ComponentRule) {
      return "component";
    } else if (rule instanceof dev.kubepci.rule.NamespaceRule) {
      return "namespace";
    }
    return rule instanceof dev.kubepci.rule.SubjectRule ? "subject" : "cluster";
  }
}
