package dev.kubepci.rules.rbac;

import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/** Flags subjects that hold the virtual verbs escalate, bind or impersonate. */
@RuleInfo(id = "KPCI-0201", name = "rbac-escalate-bind-impersonate", severity = Severity.CRITICAL,
    reads = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"})
@RiskyPermissions(table = "rbac-escalation-holders", title = "Subjects that may escalate, bind or impersonate",
    value = {"escalate,bind clusterroles.rbac.authorization.k8s.io,roles.rbac.authorization.k8s.io",
        "impersonate users,groups,serviceaccounts,uids.authentication.k8s.io,userextras.authentication.k8s.io"})
public final class EscalationVerbsRule implements RiskyGrantRule {}
