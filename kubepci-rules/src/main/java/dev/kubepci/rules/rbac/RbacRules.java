package dev.kubepci.rules.rbac;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in RBAC rules, sorted by id. */
public final class RbacRules {
  private RbacRules() {}

  public static List<Rule> all() {
    return List.of(new ClusterAdminBindingRule());
  }
}
