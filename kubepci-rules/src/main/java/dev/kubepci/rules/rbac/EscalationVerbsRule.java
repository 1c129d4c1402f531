package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that hold the virtual verbs escalate, bind or impersonate. */
@RuleInfo(id = "KPCI-0201", name = "rbac-escalate-bind-impersonate", severity = Severity.CRITICAL,
    reads = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"})
public final class EscalationVerbsRule implements RiskyGrantRule {
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-escalation-holders",
      "Subjects that may escalate, bind or impersonate", List.of(
          Permission.of("escalate", RBAC, "clusterroles", null),
          Permission.of("escalate", RBAC, "roles", null),
          Permission.of("bind", RBAC, "clusterroles", null),
          Permission.of("bind", RBAC, "roles", null),
          Permission.of("impersonate", "", "users", null),
          Permission.of("impersonate", "", "groups", null),
          Permission.of("impersonate", "", "serviceaccounts", null),
          Permission.of("impersonate", "authentication.k8s.io", "uids", null),
          Permission.of("impersonate", "authentication.k8s.io", "userextras", null)));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
