package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may create tokens for service accounts (serviceaccounts/token). */
@RuleInfo(
    id = "KPCI-0206",
    name = "rbac-serviceaccount-token-create",
    title = "Users and workloads cannot mint service-account tokens",
    severity = Severity.HIGH,
    rationale = "Creating serviceaccounts/token issues a new credential for any service account in scope, with a "
        + "lifetime the caller chooses up to the API server's maximum. The token cannot be revoked without deleting "
        + "the service account, and it carries all of that account's permissions.",
    remediation = "Remove create on serviceaccounts/token from roles held by people and workloads; let the kubelet "
        + "issue projected tokens to pods. Where a controller needs it, bind it only in its own namespace.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
        "https://kubernetes.io/docs/reference/kubernetes-api/authentication-resources/token-request-v1/"},
    reads = {"ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding"})
public final class TokenCreateRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-token-creators",
      "Subjects that may create service-account tokens",
      List.of(Permission.of("create", "", "serviceaccounts", "token")));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
