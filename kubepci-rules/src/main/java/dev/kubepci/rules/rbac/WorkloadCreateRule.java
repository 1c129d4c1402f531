package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags subjects that may create Pods or create or change the pod template of any pod-owning kind (Deployments,
 * ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicationControllers).
 */
@RuleInfo(id = "KPCI-0203", name = "rbac-workload-create", severity = Severity.HIGH, reads = {"ClusterRole", "Role",
    "ClusterRoleBinding", "RoleBinding"})
public final class WorkloadCreateRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-workload-creators",
      "Subjects that may create pods or pod-owning workloads", permissions());

  private static List<Permission> permissions() {
    List<Permission> list = new ArrayList<>();
    list.add(Permission.of("create", "", "pods", null));
    String[][] owners = {{"apps", "deployments"}, {"apps", "replicasets"}, {"apps", "statefulsets"},
        {"apps", "daemonsets"}, {"batch", "jobs"}, {"batch", "cronjobs"}, {"", "replicationcontrollers"}};
    for (String verb : List.of("create", "update", "patch")) {
      for (String[] o : owners) {
        list.add(Permission.of(verb, o[0], o[1], null));
      }
    }
    return list;
  }

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
