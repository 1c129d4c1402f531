package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CPU and memory a container sets in its resources, and the violations for what it leaves unset. */
final class ContainerResources {
  /** Whether a resource (cpu, memory) is in effect for a container, from its own resources and what is defaulted. */
  interface InEffect {
    boolean test(Map<String, Quantity> requests, Map<String, Quantity> limits, String resource);
  }

  private ContainerResources() {}

  /**
   * One violation at {@code resources.<field>.<resource>} for every container and init container (ephemeral
   * containers may not set resources) where cpu or memory is not {@code inEffect}; the message says
   * {@code sets no <resource> <noun>}.
   */
  static List<Violation> missing(Workload workload, String field, String noun, InEffect inEffect) {
    List<Violation> out = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      if (c.type() == Workload.ContainerType.EPHEMERAL) {
        continue;
      }
      ResourceRequirements resources = c.container().getResources();
      Map<String, Quantity> requests = resources == null || resources.getRequests() == null
          ? Map.of() : resources.getRequests();
      Map<String, Quantity> limits = resources == null || resources.getLimits() == null
          ? Map.of() : resources.getLimits();
      var path = c.path().child("resources").child(field);
      for (String resource : List.of("cpu", "memory")) {
        if (!inEffect.test(requests, limits, resource)) {
          out.add(Violation.at(path.child(resource), null, c.describe() + " sets no " + resource + " " + noun));
        }
      }
    }
    return out;
  }
}
