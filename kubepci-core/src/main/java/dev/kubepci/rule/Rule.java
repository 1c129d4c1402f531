package dev.kubepci.rule;

import java.util.List;
import java.util.Optional;

/**
 * A check. Implement one shape and annotate the class with {@link RuleInfo}; the engine does the iterating:
 * <ul>
 *   <li>{@link WorkloadRule}: each pod spec (Pods and the template of every pod-owning kind);
 *   <li>{@link ResourceRule}: each object of the kinds it applies to;
 *   <li>{@link ComponentRule}: each control-plane instance or kubelet configuration (or both), after the engine
 *       checked that the component is visible at all; a file an instance names is judged once;
 *   <li>{@link NamespaceRule}: each namespace that runs workloads, findings on the namespace;
 *   <li>{@link SubjectRule}: each subject of each RBAC binding, grants Kubernetes itself creates passed over unless
 *       the rule includes them, and the kubeconfig users if the rule checks them;
 *   <li>{@link ClusterRule}: the cluster as a whole, for what no single object decides (graphs, sets of namespaces).
 * </ul>
 * Violations one check gives at the same path are joined ({@link Violation#onePerPath}). Rules are pure: no I/O, no
 * clock (use {@link RuleContext#now()}), no global state.
 */
public sealed interface Rule permits WorkloadRule, ResourceRule, ComponentRule, NamespaceRule, SubjectRule,
    ClusterRule {

  /**
   * Decides before any object is looked at whether the rule can run with this configuration, e.g. a registry
   * rule without a trusted-registry list answers {@link Outcome#manual(String)}. Empty: go ahead.
   */
  default Optional<Outcome> precheck(RuleContext context) {
    return Optional.empty();
  }

  /**
   * Called once after the engine gave a per-object rule (workload, resource, component, namespace or subject) every
   * object, for what only the whole input says: a note about it, or what could not be decided ({@link
   * RuleContext#undecided(String)}), such as running images no scan report covers. Not called on cluster rules or
   * when the rule was decided before it ran.
   */
  default void finish(RuleContext context) {
  }

  /** Tables the rule always shows, even without a row ({@link RuleContext#row} adds rows); first, in this order. */
  default List<TableHeader> tables() {
    return List.of();
  }

  /**
   * The NOT_ASSESSED reason when objects were undecided ({@link RuleContext#undecided(String)}) and nothing failed.
   */
  default String undecidedReason(List<String> undecided) {
    return "could not decide " + String.join(", ", undecided);
  }
}
