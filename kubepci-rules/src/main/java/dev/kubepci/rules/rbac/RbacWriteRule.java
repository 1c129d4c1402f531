package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may create, change or delete roles and bindings. */
@RuleInfo(
    id = "KPCI-0210",
    name = "rbac-modify",
    title = "Users and workloads cannot change RBAC roles or bindings",
    severity = Severity.HIGH,
    rationale = "Write access to roles and bindings is write access to permissions: the API server lets a subject "
        + "grant what it already holds, so one compromised identity spreads its rights to others, and the change "
        + "itself outlives the incident unless someone reviews RBAC.",
    remediation = "Manage roles and bindings from version control through the platform pipeline only, and remove "
        + "create, update, patch and delete on them from people and application service accounts.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/", "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping"},
    reads = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"})
public final class RbacWriteRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-writers",
      "Subjects that may change roles or bindings", RiskyGrants.writes("rbac.authorization.k8s.io",
          List.of("clusterroles", "clusterrolebindings", "roles", "rolebindings")));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
