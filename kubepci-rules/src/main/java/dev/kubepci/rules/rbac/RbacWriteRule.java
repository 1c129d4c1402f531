package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may create, change or delete roles and bindings. */
@RuleInfo(id = "KPCI-0210", name = "rbac-modify", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
public final class RbacWriteRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-writers",
      "Subjects that may change roles or bindings", RiskyGrants.writes("rbac.authorization.k8s.io",
          List.of("clusterroles", "clusterrolebindings", "roles", "rolebindings")));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
