package dev.kubepci.rules.scope;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in segmentation rules (area 16), sorted by id. They need a declared CDE; without one they are MANUAL. */
public final class ScopeRules {
  private ScopeRules() {}

  public static List<Rule> all() {
    return List.of(
        new CdeScopeInventoryRule(),
        new CdeNetworkSegmentationRule(),
        new CdeDedicatedNodesRule(),
        new CdeNodePoolRule(),
        new CdeSharedIdentitiesRule(),
        new RbacIntoCdeRule());
  }
}
