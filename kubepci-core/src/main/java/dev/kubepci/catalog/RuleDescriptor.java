package dev.kubepci.catalog;

import dev.kubepci.rule.Rule;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** A rule with its metadata, read from its {@link RuleInfo}. */
public record RuleDescriptor(
    String id, String name, String title, Severity severity, String rationale, String remediation,
    List<String> references, List<String> reads, Rule rule) {

  public static RuleDescriptor of(Rule rule) {
    RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalArgumentException(rule.getClass().getName() + " has no @RuleInfo");
    }
    return new RuleDescriptor(info.id(), info.name(), info.title(), info.severity(), info.rationale(),
        info.remediation(), List.of(info.references()), List.of(info.reads()), rule);
  }

  /** The rule's kind of check, for help texts: workload, resource or cluster. */
  public String scope() {
    if (rule instanceof dev.kubepci.rule.WorkloadRule) {
      return "workload";
    }
    return rule instanceof dev.kubepci.rule.ResourceRule ? "resource" : "cluster";
  }
}
