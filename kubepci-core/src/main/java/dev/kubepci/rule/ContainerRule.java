package dev.kubepci.rule;

import dev.kubepci.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WorkloadRule} about each container of a pod spec on its own (containers, init containers and ephemeral
 * containers, in the order of {@link Workload#containers()}): the rule writes the check of one container, and the
 * workload's violations are those of its containers in that order.
 */
public interface ContainerRule extends WorkloadRule {
  /** The violations of {@code container} of {@code workload}; empty when it passes. */
  List<Violation> check(Workload.ContainerRef container, Workload workload, RuleContext context);

  @Override
  default List<Violation> check(Workload workload, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      out.addAll(check(c, workload, context));
    }
    return out;
  }
}
