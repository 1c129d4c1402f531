package dev.kubepci.rule;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace that runs workloads, as a {@link NamespaceRule} sees it. Each workload is counted once: a Pod or
 * ReplicaSet whose owner is in the input is represented by that owner, and PodTemplates (which run nothing) are left
 * out.
 *
 * @param object the Namespace object, or when the input does not hold it ({@code known} false) one made from the
 *     name at the source of the first workload, so that findings still have an object
 * @param workloads in input order
 */
public record WorkloadNamespace(String name, Resource object, boolean known, List<Workload> workloads) {
  /** The object is always there (findings are on it) and is the Namespace named {@code name}. */
  public WorkloadNamespace {
    if (!object.is("", "Namespace") || !object.name().equals(name)) {
      throw new IllegalArgumentException("the object of namespace " + name + " is " + object.kind() + "/"
          + object.name());
    }
    workloads = List.copyOf(workloads);
  }

  /** The namespaces of the input that run workloads, sorted by name; computed once per inventory. */
  public static List<WorkloadNamespace> all(Inventory inventory) {
    return inventory.derived(WorkloadNamespace.class, WorkloadNamespace::compute);
  }

  /**
   * A stand-in for the Namespace {@code name} when the input does not hold it, so that findings still have an
   * object: just its name, at {@code provenance} (the source of a workload that runs there).
   */
  public static Resource objectOf(String name, Provenance provenance) {
    return new Resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(), provenance);
  }

  private static List<WorkloadNamespace> compute(Inventory inventory) {
    Map<String, List<Workload>> byNamespace = new TreeMap<>();
    for (Workload w : inventory.workloads()) {
      if (w.namespace() == null || "PodTemplate".equals(w.resource().kind())
          || inventory.hasOwnerPresent(w.resource())) {
        continue;
      }
      byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
    }
    List<WorkloadNamespace> out = new ArrayList<>();
    byNamespace.forEach((name, workloads) -> {
      Resource object = inventory.get("Namespace", null, name).orElse(null);
      out.add(object != null ? new WorkloadNamespace(name, object, true, workloads)
          : new WorkloadNamespace(name, objectOf(name, workloads.get(0).resource().provenance()), false,
              workloads));
    });
    return List.copyOf(out);
  }
}
