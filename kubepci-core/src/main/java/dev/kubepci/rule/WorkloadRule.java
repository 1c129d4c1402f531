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

  /** Which pod specs a workload rule sees. */
  enum Scope {
    /**
     * Every pod spec: Pods, PodTemplates and the template of every pod-owning kind; a Pod or ReplicaSet whose owner
     * is in the input is checked through the owner, and a note says how many were.
     */
    POD_SPECS,
    /**
     * What runs, once: namespaced workloads whose owner is not in the input (the Deployment, not its ReplicaSets
     * and Pods), without PodTemplates, for rules that join workloads with other objects (scan reports, stores).
     */
    RUNNING
  }

  /** The violations of {@code workload}; empty when it passes. */
  List<Violation> check(Workload workload, RuleContext context);

  default Scope scope() {
    return Scope.POD_SPECS;
  }

  /** The NOT_APPLICABLE reason when no workload was checked; null for the engine's wording. */
  default String nothingToCheck() {
    return null;
  }

  /** {@link #nothingToCheck()} when the wording depends on the configuration (a declared CDE, say). */
  default String nothingToCheck(RuleContext context) {
    return nothingToCheck();
  }
}
