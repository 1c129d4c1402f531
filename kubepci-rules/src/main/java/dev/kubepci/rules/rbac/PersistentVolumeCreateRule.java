package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may create PersistentVolumes. */
@RuleInfo(id = "KPCI-0209", name = "rbac-persistentvolume-create", severity = Severity.HIGH, reads = {"ClusterRole",
    "ClusterRoleBinding", "RoleBinding"})
public final class PersistentVolumeCreateRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-persistentvolume-creators",
      "Subjects that may create PersistentVolumes", List.of(Permission.of("create", "", "persistentvolumes", null)));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
