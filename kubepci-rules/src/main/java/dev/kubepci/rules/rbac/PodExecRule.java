package dev.kubepci.rules.rbac;

import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/**
 * Flags subjects that may exec into, attach to or port-forward to pods. Both create and get count: clients that
 * stream over WebSockets open these subresources with GET.
 */
@RuleInfo(id = "KPCI-0204", name = "rbac-pod-exec", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
@RiskyPermissions(table = "rbac-pod-exec-holders",
    title = "Subjects that may exec into, attach to or port-forward to pods",
    value = {"create,get pods/exec", "create,get pods/attach", "create,get pods/portforward"})
public final class PodExecRule implements RiskyGrantRule {}
