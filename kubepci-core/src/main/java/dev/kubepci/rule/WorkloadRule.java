package dev.kubepci.rule;

import dev.kubepci.model.Workload;
import java.util.List;

/** A rule about one pod spec, run on Pods and on the template of every pod-owning kind. */
public non-sealed interface WorkloadRule extends Rule {
  /** The violations of {@code workload}; empty when it passes. */
  List<Violation> check(Workload workload, RuleContext context);
}
