package dev.kubepci.rules.platform;

import dev.kubepci.model.Coverage;
import dev.kubepci.model.Inventory;

/**
 * Whether the input shows the whole cluster or only part of it (one application's manifests, one tool's
 * deployment). The absence of something cluster-wide (a log collector, a policy engine) only counts as a finding
 * when the input is the whole cluster: a cluster collection, a dump with Nodes, or manifests that include
 * kube-system.
 */
final class ClusterView {
  private ClusterView() {}

  static boolean isWhole(Inventory inventory) {
    return inventory.coverage().source() == Coverage.Source.CLUSTER || !inventory.ofKind("Node").isEmpty()
        || !inventory.inNamespace("kube-system").isEmpty();
  }

  static final String PARTIAL = "the input is not the whole cluster (no Node objects and nothing in kube-system), so "
      + "the absence of ";
}
