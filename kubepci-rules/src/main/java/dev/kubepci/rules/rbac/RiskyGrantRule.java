package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;

/**
 * The template of the risky-permission rules: a rule names its family of permissions and {@link RiskyGrants} does the
 * rest. It stays a cluster rule because what a subject holds is gathered across all the rules of its binding's role,
 * aggregated roles included, roles nobody binds are reported too, and one unresolved binding makes the whole answer
 * unknown.
 */
interface RiskyGrantRule extends ClusterRule {
  /** The permissions this rule looks for, and how its table is named. */
  RiskyGrants.Family family(Inventory inventory);

  @Override
  default Outcome check(Inventory inventory, RuleContext context) {
    return RiskyGrants.check(inventory, family(inventory), this);
  }
}
