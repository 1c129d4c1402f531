package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Scheduling;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.model.ScopeZone;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags out-of-scope workloads that can be scheduled onto CDE nodes: their placement accepts a node a CDE workload
 * may run on and their tolerations cover its taints (a blanket {@code operator: Exists} toleration covers all).
 * With Node objects, the CDE nodes are those the CDE workloads may run on or already run on; without them, the CDE
 * pool is described by the CDE workloads' nodeSelectors and keyed tolerations.
 */
@RuleInfo(id = "KPCI-0383", name = "cde-node-pool-enforced", severity = Severity.HIGH, reads = {"Namespace", "Node",
    "RuntimeClass"}, readsWorkloads = true)
public final class CdeNodePoolRule extends CdeRule {
  @Override
  Outcome check(Inventory inventory, PciScope scope, RuleContext context) {
    List<Node> nodes = CdePlacement.nodes(inventory);
    List<Workload> workloads = CdeScope.workloads(inventory);
    List<Workload> cde = workloads.stream().filter(w -> ScopeZone.CDE.equals(scope.classify(w))).toList();
    if (cde.isEmpty()) {
      return Outcome.notApplicable("no CDE workload in the input");
    }
    Outcome.Builder out = Outcome.builder();
    // the CDE pool: nodes CDE workloads may run on, or the selectors and taints that describe it
    Map<String, Node> cdeNodes = new LinkedHashMap<>();
    List<Pool> pools = new ArrayList<>();
    for (Workload w : cde) {
      PodSpec spec = Scheduling.effective(w.podSpec(), inventory);
      CdePlacement.Assessment a = CdePlacement.of(spec, nodes);
      // the reserved nodes a CDE workload may use; unreserved ones are KPCI-0382's finding
      a.eligible().stream().filter(n -> !a.shared().contains(n)).forEach(n -> cdeNodes.put(n.getMetadata().getName(), n));
      if (w.resource().object() instanceof Pod pod && pod.getSpec() != null && pod.getSpec().getNodeName() != null) {
        nodes.stream().filter(n -> n.getMetadata().getName().equals(pod.getSpec().getNodeName()))
            .forEach(n -> cdeNodes.put(n.getMetadata().getName(), n));
      }
      List<Taint> taints = new ArrayList<>();
      for (Toleration t : a.keyTolerations()) {
        taints.add(new TaintBuilder().withKey(t.getKey()).withValue(t.getValue())
            .withEffect(t.getEffect() == null || t.getEffect().isEmpty() ? "NoSchedule" : t.getEffect()).build());
      }
      if (!taints.isEmpty()) {
        pools.add(new Pool(spec.getNodeSelector() == null ? Map.of() : spec.getNodeSelector(), taints));
      }
    }
    boolean tainted = nodes.isEmpty() ? !pools.isEmpty() : !cdeNodes.isEmpty();
    if (!tainted) {
      out.fail(null, Violation.at(FieldPath.root().child("spec").child("taints"), null,
          "the nodes CDE workloads run on carry no taint of their own, so any workload can be scheduled onto them"));
      return out.build("no CDE workload in the input");
    }
    for (Workload w : workloads) {
      if (!ScopeZone.OUT_OF_SCOPE.equals(scope.classify(w))) {
        continue;
      }
      PodSpec spec = Scheduling.effective(w.podSpec(), inventory);
      Set<String> landing = new LinkedHashSet<>();
      if (!nodes.isEmpty()) {
        for (Node n : cdeNodes.values()) {
          if (Scheduling.canRunOn(spec, n)) {
            landing.add(n.getMetadata().getName());
          }
        }
      } else if (pools.stream().anyMatch(p -> p.accepts(spec))) {
        landing.add("the CDE node pool");
      }
      List<Violation> violations = new ArrayList<>();
      if (w.resource().object() instanceof Pod pod && pod.getSpec() != null
          && cdeNodes.containsKey(pod.getSpec().getNodeName())) {
        violations.add(Violation.at(w.podSpecPath().child("nodeName"), pod.getSpec().getNodeName(),
            w.ref().displayName() + " (out of scope) runs on CDE node " + pod.getSpec().getNodeName()));
      } else if (!landing.isEmpty()) {
        boolean daemon = "DaemonSet".equals(w.resource().kind());
        Violation v = Violation.at(w.podSpecPath().child("tolerations"), describe(spec.getTolerations()),
            w.ref().displayName() + " (out of scope) can be scheduled onto " + String.join(", ", landing)
                + (daemon ? ": a DaemonSet runs on every node it tolerates; declare its namespace a connected-to "
                    + "system if it must" : ""));
        violations.add(daemon ? v.withSeverity(Severity.MEDIUM) : v);
      }
      if (violations.isEmpty()) {
        out.pass();
      } else {
        out.fail(w.resource(), violations);
      }
    }
    out.note("the CDE nodes: " + (nodes.isEmpty() ? "described by the CDE workloads' selectors and tolerations"
        : String.join(", ", new java.util.TreeSet<>(cdeNodes.keySet()))));
    return out.build("no out-of-scope workload in the input");
  }

  private static String describe(List<Toleration> tolerations) {
    if (tolerations == null || tolerations.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    for (Toleration t : tolerations) {
      String key = t.getKey() == null || t.getKey().isEmpty() ? "*" : t.getKey();
      parts.add(key + ("Exists".equals(t.getOperator()) ? " exists" : "=" + t.getValue()));
    }
    return String.join(", ", parts);
  }

  /** A CDE pool as one CDE workload describes it: the node labels it requires and the taints it tolerates. */
  private record Pool(Map<String, String> labels, List<Taint> taints) {
    boolean accepts(PodSpec spec) {
      Map<String, String> selector = spec.getNodeSelector() == null ? Map.of() : spec.getNodeSelector();
      for (Map.Entry<String, String> e : selector.entrySet()) {
        String v = labels.get(e.getKey());
        if (v != null && !v.equals(e.getValue())) {
          return false;
        }
      }
      for (Taint t : taints) {
        if (!Scheduling.tolerates(spec.getTolerations(), t)) {
          return false;
        }
      }
      return true;
    }
  }
}
