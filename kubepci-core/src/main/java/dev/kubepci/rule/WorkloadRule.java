package dev.kubepci.rule;

import dev.kubepci.model.Workload;
import java.util.List;

/**
 * A rule about one pod spec, run on Pods and on the template of every pod-owning kind. It reads {@link #KINDS}
 * without saying so: its {@link RuleInfo#reads()} names only what else it reads.
 */
public non-sealed interface WorkloadRule extends Rule {
  /** The pod-owning kinds every workload rule reads, in the order a live collection lists them. */
  List<String> KINDS = List.of("Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
      "ReplicationController", "PodTemplate");

  /** The violations of {@code workload}; empty when it passes. */
  List<Violation> check(Workload workload, RuleContext context);
}
