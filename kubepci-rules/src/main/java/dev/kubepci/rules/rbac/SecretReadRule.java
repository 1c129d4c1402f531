package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/**
 * Flags subjects that may list or watch Secrets, or get any Secret. A get limited to named Secrets through
 * resourceNames is the least-privilege form the remediation recommends: it passes, with a note naming the Secrets.
 */
@RuleInfo(id = "KPCI-0202", name = "rbac-secret-read", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
public final class SecretReadRule implements RiskyGrantRule {
  private static final Permission GET = Permission.of("get", "", "secrets", null);
  private static final Permission LIST = Permission.of("list", "", "secrets", null);
  private static final Permission WATCH = Permission.of("watch", "", "secrets", null);
  /** A get limited by resourceNames, and nothing more, is what the remediation asks for: noted, not flagged. */
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-secret-readers",
      "Subjects that may read Secrets", List.of(GET, LIST, WATCH)).withLeastPrivilege(SecretReadRule::namedSecrets);

  /** The Secrets a grant's get is limited to; empty when it reads more (any Secret, or by list or watch). */
  private static List<String> namedSecrets(Grant g) {
    if (!g.policyRule().isNameRestricted() || g.couldAllow(LIST) || g.couldAllow(WATCH) || !g.couldAllow(GET)) {
      return List.of();
    }
    String where = g.binding().isClusterWide() ? "" : g.binding().namespace() + "/";
    return g.policyRule().resourceNames().stream().map(n -> "Secret " + where + n).toList();
  }

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
