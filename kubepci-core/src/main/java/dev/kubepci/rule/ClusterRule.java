package dev.kubepci.rule;

import dev.kubepci.model.Inventory;

/**
 * A rule about the cluster as a whole (a namespace without default deny, a binding graph, control-plane flags):
 * it reads the inventory and says what passed, what failed, or why it could not decide.
 */
public non-sealed interface ClusterRule extends Rule {
  Outcome check(Inventory inventory, RuleContext context);
}
