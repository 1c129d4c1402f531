package dev.kubepci.rule;

import java.util.List;

/**
 * A rule about each namespace that runs workloads ({@link WorkloadNamespace#all}), in name order: its quotas, its
 * admission control, its Pod Security labels against what runs there. Findings are on the namespace's object;
 * without any such namespace the rule is NOT_APPLICABLE. A namespace the rule cannot judge (its Namespace object is
 * not in the input, say) is {@link RuleContext#undecided undecided}; a table of every namespace is filled with
 * {@link RuleContext#row}.
 */
public non-sealed interface NamespaceRule extends Rule {
  /** The NOT_APPLICABLE reason without a namespace that runs workloads. */
  String NO_NAMESPACES = "no namespace in the input runs workloads";

  /** The violations of {@code namespace}; empty when it passes. */
  List<Violation> check(WorkloadNamespace namespace, RuleContext context);
}
