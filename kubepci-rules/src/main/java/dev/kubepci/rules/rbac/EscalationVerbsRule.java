package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that hold the virtual verbs escalate, bind or impersonate. */
@RuleInfo(
    id = "KPCI-0201",
    name = "rbac-escalate-bind-impersonate",
    title = "Users and workloads cannot escalate, bind roles or impersonate",
    severity = Severity.CRITICAL,
    rationale = "The escalate verb lets a subject write roles with permissions it does not hold, bind lets it "
        + "attach any role to anyone, and impersonate lets it act as any user, group or service account, including "
        + "members of system:masters. Each turns a limited identity into a cluster administrator, and review tools "
        + "that only list ordinary verbs miss them.",
    remediation = "Remove escalate, bind and impersonate from roles held by people and workloads. Where a "
        + "controller must bind roles, limit the verb to the named roles with resourceNames, and route "
        + "impersonation through an audited break-glass procedure.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
        "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation"},
    reads = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"})
public final class EscalationVerbsRule implements RiskyGrantRule {
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-escalation-holders",
      "Subjects that may escalate, bind or impersonate", List.of(
          Permission.of("escalate", RBAC, "clusterroles", null),
          Permission.of("escalate", RBAC, "roles", null),
          Permission.of("bind", RBAC, "clusterroles", null),
          Permission.of("bind", RBAC, "roles", null),
          Permission.of("impersonate", "", "users", null),
          Permission.of("impersonate", "", "groups", null),
          Permission.of("impersonate", "", "serviceaccounts", null),
          Permission.of("impersonate", "authentication.k8s.io", "uids", null),
          Permission.of("impersonate", "authentication.k8s.io", "userextras", null)));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
