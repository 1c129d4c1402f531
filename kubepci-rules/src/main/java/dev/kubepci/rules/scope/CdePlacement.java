package dev.kubepci.rules.scope;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Scheduling;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a workload is pinned to dedicated nodes: it requires node labels (nodeSelector or required affinity) and
 * tolerates, by key, a taint that keeps other pods off those nodes. With Node objects in the input, the nodes it may
 * run on are computed and every one of them must carry such a taint.
 */
final class CdePlacement {
  /** Taints every control-plane node carries: they do not make a node pool dedicated to the CDE. */
  static final Set<String> CONTROL_PLANE_TAINTS = Set.of("node-role.kubernetes.io/control-plane",
      "node-role.kubernetes.io/master");

  /**
   * @param eligible the nodes the workload may run on (empty without Node objects)
   * @param shared eligible nodes that no CDE-specific taint protects
   * @param problem why it is not dedicated, or null when it is
   */
  record Assessment(boolean requiresPlacement, List<Toleration> keyTolerations, List<Node> eligible,
      List<Node> shared, String problem) {
    boolean dedicated() {
      return problem == null;
    }
  }

  private CdePlacement() {}

  /** The Node objects of the input. */
  static List<Node> nodes(Inventory inventory) {
    return inventory.ofKind("Node").stream().map(r -> r.as(Node.class)).flatMap(Optional::stream).toList();
  }

  /** @param spec the workload's pod spec as admission leaves it ({@link Scheduling#effective}) */
  static Assessment of(PodSpec spec, List<Node> nodes) {
    boolean requires = Scheduling.hasRequiredPlacement(spec);
    List<Toleration> keyed = new ArrayList<>();
    if (spec.getTolerations() != null) {
      for (Toleration t : spec.getTolerations()) {
        if (t != null && t.getKey() != null && !t.getKey().isEmpty() && !CONTROL_PLANE_TAINTS.contains(t.getKey())
            && (t.getEffect() == null || t.getEffect().isEmpty() || "NoSchedule".equals(t.getEffect())
                || "NoExecute".equals(t.getEffect()))) {
          keyed.add(t);
        }
      }
    }
    if (nodes.isEmpty()) {
      String problem = !requires ? "has no nodeSelector or required node affinity, so it may run on any node"
          : keyed.isEmpty() ? "tolerates no taint by key, so the nodes it selects cannot be reserved for it" : null;
      return new Assessment(requires, keyed, List.of(), List.of(), problem);
    }
    List<Node> eligible = new ArrayList<>();
    List<Node> shared = new ArrayList<>();
    for (Node n : nodes) {
      if (!Scheduling.canRunOn(spec, n)) {
        continue;
      }
      eligible.add(n);
      boolean reserved = false;
      for (Taint t : Scheduling.repellingTaints(n)) {
        if (!CONTROL_PLANE_TAINTS.contains(t.getKey()) && Scheduling.tolerates(keyed, t)) {
          reserved = true;
        }
      }
      if (!reserved) {
        shared.add(n);
      }
    }
    String problem = null;
    if (eligible.isEmpty()) {
      problem = "matches no node in the input";
    } else if (!shared.isEmpty()) {
      problem = "may run on " + String.join(", ", shared.stream().map(n -> n.getMetadata().getName()).toList())
          + ", which no CDE taint reserves";
    }
    return new Assessment(requires, keyed, eligible, shared, problem);
  }
}
