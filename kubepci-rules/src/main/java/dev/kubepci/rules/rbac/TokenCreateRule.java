package dev.kubepci.rules.rbac;

import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/** Flags subjects that may create tokens for service accounts (serviceaccounts/token). */
@RuleInfo(id = "KPCI-0206", name = "rbac-serviceaccount-token-create", severity = Severity.HIGH, reads = {"ClusterRole",
    "Role", "ClusterRoleBinding", "RoleBinding"})
@RiskyPermissions(table = "rbac-token-creators", title = "Subjects that may create service-account tokens",
    value = {"create serviceaccounts/token"})
public final class TokenCreateRule implements RiskyGrantRule {}
