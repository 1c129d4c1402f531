package dev.kubepci.rules.rbac;

import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/**
 * Flags subjects that may create Pods or create or change the pod template of any pod-owning kind (Deployments,
 * ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicationControllers).
 */
@RuleInfo(id = "KPCI-0203", name = "rbac-workload-create", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
@RiskyPermissions(table = "rbac-workload-creators", title = "Subjects that may create pods or pod-owning workloads",
    value = {"create pods",
        "create,update,patch deployments.apps,replicasets.apps,statefulsets.apps,daemonsets.apps,"
        + "jobs.batch,cronjobs.batch,replicationcontrollers"})
public final class WorkloadCreateRule implements RiskyGrantRule {}
