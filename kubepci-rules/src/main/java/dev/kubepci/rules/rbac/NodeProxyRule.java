package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/** Flags subjects with any verb on nodes/proxy, which reaches the kubelet API of every node. */
@RuleInfo(id = "KPCI-0205", name = "rbac-node-proxy", severity = Severity.CRITICAL, reads = {"ClusterRole",
    "ClusterRoleBinding", "RoleBinding"})
public final class NodeProxyRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-node-proxy-holders",
      "Subjects with access to nodes/proxy", permissions());

  private static List<Permission> permissions() {
    List<Permission> list = new ArrayList<>();
    for (String verb : List.of("get", "create", "update", "patch", "delete")) {
      list.add(Permission.of(verb, "", "nodes", "proxy"));
    }
    return list;
  }

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
