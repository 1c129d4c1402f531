package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Scheduling;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.TableRows;
import dev.kubepci.rule.Violation;
import dev.kubepci.model.ScopeZone;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks that CDE workloads are pinned to dedicated nodes: they require node labels and tolerate, by key, a taint
 * that keeps other pods off those nodes. With Node objects in the input, every node a CDE workload may run on must
 * carry such a taint, and CDE pods already placed must sit on one.
 */
@RuleInfo(id = "KPCI-0382", name = "cde-dedicated-nodes", severity = Severity.HIGH, reads = {"Namespace", "Node",
    "RuntimeClass"}, readsWorkloads = true)
public final class CdeDedicatedNodesRule extends CdeRule {
  @Override
  Outcome check(Inventory inventory, PciScope scope, RuleContext context) {
    List<Node> nodes = CdePlacement.nodes(inventory);
    Map<String, Node> nodeByName = new TreeMap<>();
    nodes.forEach(n -> nodeByName.put(n.getMetadata().getName(), n));
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    for (Workload w : CdeScope.workloads(inventory)) {
      if (!ScopeZone.CDE.equals(scope.classify(w))) {
        continue;
      }
      PodSpec spec = Scheduling.effective(w.podSpec(), inventory);
      CdePlacement.Assessment a = CdePlacement.of(spec, nodes);
      List<Violation> violations = new ArrayList<>();
      if (!a.requiresPlacement()) {
        violations.add(Violation.at(w.podSpecPath().child("nodeSelector"), null, w.ref().displayName()
            + " has no nodeSelector or required node affinity, so it may run on any node"));
      } else if (a.keyTolerations().isEmpty()) {
        violations.add(Violation.at(w.podSpecPath().child("tolerations"), tolerations(spec), w.ref().displayName()
            + " tolerates no taint by key, so the nodes it selects cannot be reserved for the CDE"));
      } else if (!a.dedicated()) {
        violations.add(Violation.at(w.podSpecPath().child("nodeSelector"), spec.getNodeSelector(),
            w.ref().displayName() + " " + a.problem()));
      }
      if (w.resource().object() instanceof Pod pod && pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
        Node placed = nodeByName.get(pod.getSpec().getNodeName());
        if (placed != null && a.shared().contains(placed)) {
          violations.add(Violation.at(w.podSpecPath().child("nodeName"), pod.getSpec().getNodeName(),
              w.ref().displayName() + " runs on " + pod.getSpec().getNodeName() + ", which no CDE taint reserves"));
        }
      }
      rows.add(List.of(w.ref().displayName(), placement(spec), tolerations(spec),
          nodes.isEmpty() ? "no Node objects" : String.join(", ", a.eligible().stream()
              .map(n -> n.getMetadata().getName()).toList()), violations.isEmpty() ? "yes" : "no"));
      if (violations.isEmpty()) {
        out.pass();
      } else {
        out.fail(w.resource(), violations);
      }
    }
    out.table(new Table("cde-placement", "Placement of CDE workloads", List.of("workload", "node selection",
        "tolerations", "may run on", "dedicated"), TableRows.byFirstColumn(rows)));
    if (nodes.isEmpty()) {
      out.note("no Node objects in the input: placement was judged from the workloads' selectors and tolerations "
          + "alone");
    }
    return out.build("no CDE workload in the input");
  }

  private static String placement(PodSpec spec) {
    List<String> parts = new ArrayList<>();
    if (spec.getNodeSelector() != null) {
      new TreeMap<>(spec.getNodeSelector()).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (Scheduling.hasRequiredPlacement(spec) && parts.isEmpty()) {
      parts.add("required node affinity");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  private static String tolerations(PodSpec spec) {
    List<String> parts = new ArrayList<>();
    if (spec.getTolerations() != null) {
      for (Toleration t : spec.getTolerations()) {
        String key = t.getKey() == null || t.getKey().isEmpty() ? "*" : t.getKey();
        parts.add(key + ("Exists".equals(t.getOperator()) ? "" : "=" + t.getValue())
            + (t.getEffect() == null || t.getEffect().isEmpty() ? "" : ":" + t.getEffect()));
      }
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }
}
