package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/** Flags subjects with any verb on nodes/proxy, which reaches the kubelet API of every node. */
@RuleInfo(
    id = "KPCI-0205",
    name = "rbac-node-proxy",
    title = "Users and workloads have no access to nodes/proxy",
    severity = Severity.CRITICAL,
    rationale = "The nodes/proxy subresource passes requests to the kubelet API, which runs commands in any "
        + "container on the node; the kubelet authorizes them as nodes/proxy, so even get is enough to exec. "
        + "These requests bypass the API server's admission control and are not recorded as pod exec in its "
        + "audit log.",
    remediation = "Remove nodes/proxy from every role held by people and workloads. Monitoring agents should read "
        + "metrics through nodes/metrics and nodes/stats, or through the metrics API, instead.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
        "https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/"},
    reads = {"ClusterRole", "ClusterRoleBinding", "RoleBinding"})
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
