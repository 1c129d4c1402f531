package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may create tokens for service accounts (serviceaccounts/token). */
@RuleInfo(id = "KPCI-0206", name = "rbac-serviceaccount-token-create", severity = Severity.HIGH, reads = {"ClusterRole",
    "Role", "ClusterRoleBinding", "RoleBinding"})
public final class TokenCreateRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-token-creators",
      "Subjects that may create service-account tokens",
      List.of(Permission.of("create", "", "serviceaccounts", "token")));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
