package dev.kubepci.rules.rbac;

import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/** Flags subjects that may create PersistentVolumes. */
@RuleInfo(id = "KPCI-0209", name = "rbac-persistentvolume-create", severity = Severity.HIGH, reads = {"ClusterRole",
    "ClusterRoleBinding", "RoleBinding"})
@RiskyPermissions(table = "rbac-persistentvolume-creators", title = "Subjects that may create PersistentVolumes",
    value = {"create persistentvolumes"})
public final class PersistentVolumeCreateRule implements RiskyGrantRule {}
