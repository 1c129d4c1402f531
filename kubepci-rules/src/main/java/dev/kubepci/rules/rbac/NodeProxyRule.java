package dev.kubepci.rules.rbac;

import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/** Flags subjects with any verb on nodes/proxy, which reaches the kubelet API of every node. */
@RuleInfo(id = "KPCI-0205", name = "rbac-node-proxy", severity = Severity.CRITICAL, reads = {"ClusterRole",
    "ClusterRoleBinding", "RoleBinding"})
@RiskyPermissions(table = "rbac-node-proxy-holders", title = "Subjects with access to nodes/proxy",
    value = {"get,create,update,patch,delete nodes/proxy"})
public final class NodeProxyRule implements RiskyGrantRule {}
