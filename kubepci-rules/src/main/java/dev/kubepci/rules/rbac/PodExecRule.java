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
@RuleInfo(
    id = "KPCI-0204",
    name = "rbac-pod-exec",
    title = "Users and workloads cannot exec into, attach to or port-forward to pods",
    severity = Severity.HIGH,
    rationale = "Exec and attach run commands inside a running container with its service account, its mounted "
        + "secrets and its network position; port-forward opens a tunnel to the pod around network policies. "
        + "In the cardholder data environment this is direct access to card data outside the application's "
        + "controls.",
    remediation = "Remove pods/exec, pods/attach and pods/portforward from standing roles. Grant them for an "
        + "incident through a time-limited, approved and audited break-glass binding, scoped to one namespace.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/"},
    reads = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"})
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
