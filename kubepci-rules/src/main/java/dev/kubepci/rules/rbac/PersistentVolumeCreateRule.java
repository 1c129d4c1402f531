package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may create PersistentVolumes. */
@RuleInfo(
    id = "KPCI-0209",
    name = "rbac-persistentvolume-create",
    title = "Users and workloads cannot create PersistentVolumes",
    severity = Severity.HIGH,
    rationale = "A PersistentVolume can point at a hostPath on the node; a pod that claims it mounts the node's "
        + "file system, which Pod Security admission does not see because the pod only names a claim. Creating "
        + "volumes is a way around the restriction on host access.",
    remediation = "Let storage provisioners create PersistentVolumes through StorageClasses; people and workloads "
        + "should only create PersistentVolumeClaims.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/"},
    reads = {"ClusterRole", "ClusterRoleBinding", "RoleBinding"})
public final class PersistentVolumeCreateRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-persistentvolume-creators",
      "Subjects that may create PersistentVolumes", List.of(Permission.of("create", "", "persistentvolumes", null)));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
