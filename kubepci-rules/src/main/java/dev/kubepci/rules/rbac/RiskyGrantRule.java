package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;

/**
 * The template of the risky-permission rules: a rule declares its family of permissions ({@link RiskyPermissions},
 * or {@link #family} when a list of permissions does not say it) and {@link RiskyGrants} does the rest. It stays a
 * cluster rule because what a subject holds is gathered across all the rules of its binding's role, aggregated roles
 * included, roles nobody binds are reported too, and one unresolved binding makes the whole answer unknown.
 */
interface RiskyGrantRule extends ClusterRule {
  /**
   * The permissions this rule looks for, and how its table is named: by default what the class declares with {@link
   * RiskyPermissions}.
   */
  default RiskyGrants.Family family(Inventory inventory) {
    return RiskyGrants.Family.declaredBy(getClass());
  }

  @Override
  default Outcome check(Inventory inventory, RuleContext context) {
    return RiskyGrants.check(inventory, family(inventory), this);
  }
}
