package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/**
 * Flags users, groups and service accounts that receive a rule with a wildcard in its verbs, API groups, resources
 * or non-resource URLs. Bindings to cluster-admin itself are KPCI-0008's finding and are not repeated here.
 */
@RuleInfo(id = "KPCI-0200", name = "rbac-wildcard-grant", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
public final class WildcardGrantRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = new RiskyGrants.Family("rbac-wildcard-holders",
      "Subjects granted wildcard rules", WildcardGrantRule::wildcards, true);

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }

  private static List<String> wildcards(Grant g) {
    if ("cluster-admin".equals(g.binding().roleRef().name()) && g.binding().roleRef().isClusterRole()) {
      return List.of();
    }
    var rule = g.policyRule();
    boolean resourceWildcard = rule.verbs().contains("*") || rule.apiGroups().contains("*")
        || rule.resources().stream().anyMatch(r -> r.equals("*") || r.startsWith("*/"));
    boolean urlWildcard = g.binding().isClusterWide() && rule.nonResourceURLs().stream().anyMatch(u -> u.endsWith("*"))
        && rule.verbs().contains("*");
    if (!resourceWildcard && !urlWildcard) {
      return List.of();
    }
    return List.of(rule.isFullWildcard() ? "do anything (every verb on every resource)" : "use wildcard rule "
        + rule.describe());
  }
}
