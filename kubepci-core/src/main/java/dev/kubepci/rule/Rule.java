package dev.kubepci.rule;

/**
 * A check. Implement one of {@link WorkloadRule}, {@link ResourceRule} or {@link ClusterRule} and annotate the
 * class with {@link RuleInfo}. Rules are pure: no I/O, no clock (use {@link RuleContext#now()}), no global state.
 */
public sealed interface Rule permits WorkloadRule, ResourceRule, ClusterRule {

  /**
   * Decides before any object is looked at whether the rule can run with this configuration, e.g. a registry
   * rule without a trusted-registry list answers {@link Outcome#manual(String)}. Empty: go ahead.
   */
  default java.util.Optional<Outcome> precheck(RuleContext context) {
    return java.util.Optional.empty();
  }
}
