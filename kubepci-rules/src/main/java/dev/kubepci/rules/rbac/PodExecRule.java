package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags subjects that may exec into, attach to or port-forward to pods. Both create and get count: clients that
 * stream over WebSockets open these subresources with GET.
 */
@RuleInfo(id = "KPCI-0204", name = "rbac-pod-exec", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
public final class PodExecRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-pod-exec-holders",
      "Subjects that may exec into, attach to or port-forward to pods", permissions());

  private static List<Permission> permissions() {
    List<Permission> list = new ArrayList<>();
    for (String sub : List.of("exec", "attach", "portforward")) {
      for (String verb : List.of("create", "get")) {
        list.add(Permission.of(verb, "", "pods", sub));
      }
    }
    return list;
  }

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
