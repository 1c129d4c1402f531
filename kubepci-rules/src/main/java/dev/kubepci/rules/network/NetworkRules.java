package dev.kubepci.rules.network;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in network rules, sorted by id. */
public final class NetworkRules {
  private NetworkRules() {}

  public static List<Rule> all() {
    return List.of(
        new NamespaceDefaultDenyRule(),
        new CniEnforcesPoliciesRule(),
        new WorkloadIsolationRule(),
        new BroadNetworkAllowRule());
  }
}
