package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the segmentation rules share: the declared scope, and the answer when none is declared. */
final class CdeScope {
  private CdeScope() {}

  /** MANUAL with the questions to answer when the configuration declares no CDE. */
  static Optional<Outcome> requireDeclared(RuleContext context) {
    if (PciScope.of(context.config(), context.inventory()).isDeclared()) {
      return Optional.empty();
    }
    return Optional.of(Outcome.manual("no cardholder data environment is declared (scope.cde in the configuration), "
        + "so the whole cluster is in scope. Which namespaces or labels form the CDE, and which are connected-to "
        + "systems? Declare them with --config to assess segmentation."));
  }

  static PciScope scope(RuleContext context) {
    return PciScope.of(context.config(), context.inventory());
  }

  /** Top-level workloads (not owned by another workload in the input, no PodTemplates), in input order. */
  static List<Workload> workloads(Inventory inventory) {
    List<Workload> out = new ArrayList<>();
    for (Workload w : inventory.workloads()) {
      if (w.namespace() != null && !"PodTemplate".equals(w.resource().kind())
          && !inventory.hasOwnerPresent(w.resource())) {
        out.add(w);
      }
    }
    return out;
  }
}
