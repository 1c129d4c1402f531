package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.Inventory;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import java.util.Optional;

/**
 * A segmentation rule: MANUAL with the questions to answer while the configuration declares no CDE, else checked
 * against the declared scope.
 */
abstract class CdeRule implements ClusterRule {
  @Override
  public final Optional<Outcome> precheck(RuleContext context) {
    return CdeScope.requireDeclared(context);
  }

  @Override
  public final Outcome check(Inventory inventory, RuleContext context) {
    return check(inventory, CdeScope.scope(context), context);
  }

  /** The outcome over the whole inventory, where {@code scope} declares a CDE. */
  abstract Outcome check(Inventory inventory, PciScope scope, RuleContext context);
}
