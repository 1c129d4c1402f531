package dev.kubepci.rules.workload;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The workloads that run pods in each namespace, each counted once: a Pod or ReplicaSet whose owner is in the input
 * is represented by that owner, and PodTemplates (which run nothing) are left out. Computed once per inventory.
 */
public final class NamespaceWorkloads {
  private NamespaceWorkloads() {}

  /** Namespace name to its workloads in input order; namespaces sorted by name. */
  public static SortedMap<String, List<Workload>> of(Inventory inventory) {
    return inventory.derived(NamespaceWorkloads.class, NamespaceWorkloads::compute);
  }

  private static SortedMap<String, List<Workload>> compute(Inventory inventory) {
    SortedMap<String, List<Workload>> byNamespace = new TreeMap<>();
    for (Workload w : inventory.workloads()) {
      if (w.namespace() == null || "PodTemplate".equals(w.resource().kind())
          || inventory.hasOwnerPresent(w.resource())) {
        continue;
      }
      byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
    }
    byNamespace.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableSortedMap(byNamespace);
  }

  /** {@code Kind/name} of a workload, as tables list them inside a namespace row. */
  public static String shortName(Workload w) {
    return w.resource().kind() + "/" + w.resource().name();
  }
}
