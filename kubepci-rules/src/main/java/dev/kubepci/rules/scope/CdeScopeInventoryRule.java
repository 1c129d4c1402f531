package dev.kubepci.rules.scope;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.config.PciScope;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.Scheduling;
import dev.kubepci.model.Workload;
import dev.kubepci.netpol.Direction;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import dev.kubepci.model.ScopeZone;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Lays the declared scope over the cluster: every namespace with its scope, workloads, default deny and whether its
 * CDE workloads are pinned to dedicated nodes. Fails when the declaration does not match the input (a CDE namespace
 * or selector that matches nothing), because every other segmentation verdict would then be about the wrong pods.
 */
@RuleInfo(id = "KPCI-0380", name = "cde-scope-declared", severity = Severity.MEDIUM, reads = {"RuntimeClass"},
    readsWorkloads = true, readsNetworkPolicies = true)
public final class CdeScopeInventoryRule extends CdeRule {
  @Override
  Outcome check(Inventory inventory, PciScope scope, RuleContext context) {
    KubepciConfig.Selection cde = context.config().scope().cde();
    Outcome.Builder out = Outcome.builder();
    for (int i = 0; i < cde.namespaces().size(); i++) {
      String ns = cde.namespaces().get(i);
      if (inventory.namespaces().contains(ns)) {
        out.pass();
      } else {
        out.fail(null, Violation.at(FieldPath.root().child("scope").child("cde").child("namespaces").index(i), ns,
            "the CDE namespace " + ns + " declared in the configuration is not in the input"));
      }
    }
    List<Workload> workloads = CdeScope.workloads(inventory);
    for (int i = 0; i < cde.selectors().size(); i++) {
      String selector = cde.selectors().get(i);
      boolean matches = inventory.ofKind("Namespace").stream()
          .anyMatch(n -> LabelSelectors.matchesText(selector, n.labels()))
          || workloads.stream().anyMatch(w -> LabelSelectors.matchesText(selector, w.resource().labels())
              || LabelSelectors.matchesText(selector, w.podLabels()));
      if (matches) {
        out.pass();
      } else {
        out.fail(null, Violation.at(FieldPath.root().child("scope").child("cde").child("selectors").index(i), selector,
            "the CDE selector " + selector + " declared in the configuration matches no namespace or workload"));
      }
    }

    NetworkPolicies network = NetworkPolicies.of(inventory);
    List<Node> nodes = inventory.ofKind("Node").stream().map(r -> r.as(Node.class)).flatMap(Optional::stream).toList();
    Map<String, List<Workload>> byNamespace = new TreeMap<>();
    for (String ns : inventory.namespaces()) {
      byNamespace.put(ns, new ArrayList<>());
    }
    workloads.forEach(w -> byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w));
    List<List<String>> rows = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Map.Entry<String, List<Workload>> e : byNamespace.entrySet()) {
      String ns = e.getKey();
      ScopeZone nsScope = scope.classifyNamespace(ns);
      counts.merge(nsScope.label(), 1, Integer::sum);
      boolean in = network.defaultDeny(ns, Direction.INGRESS).isPresent();
      boolean eg = network.defaultDeny(ns, Direction.EGRESS).isPresent();
      String deny = in && eg ? "yes" : in ? "ingress only" : eg ? "egress only" : "no";
      List<Workload> cdeWorkloads = e.getValue().stream().filter(w -> ScopeZone.CDE.equals(scope.classify(w))).toList();
      String dedicated = cdeWorkloads.isEmpty() ? "-"
          : cdeWorkloads.stream().allMatch(w -> CdePlacement.of(Scheduling.effective(w.podSpec(), inventory), nodes).dedicated()) ? "yes" : "no";
      String label = cdeWorkloads.isEmpty() || ScopeZone.CDE.equals(nsScope) ? nsScope.label()
          : nsScope + " (" + cdeWorkloads.size() + " CDE workload(s) by label)";
      rows.add(List.of(ns, label, Integer.toString(e.getValue().size()), deny, dedicated));
    }
    out.table(new Table("scope", "PCI scope per namespace", List.of("namespace", "scope", "workloads", "default deny",
        "dedicated nodes"), rows));
    List<String> summary = new ArrayList<>();
    counts.forEach((k, v) -> summary.add(v + " " + k));
    out.note("namespaces by scope: " + String.join(", ", summary));
    if (counts.getOrDefault(ScopeZone.OUT_OF_SCOPE.label(), 0) > 0) {
      out.note("the cluster mixes the CDE with out-of-scope namespaces: segregation is decided by KPCI-0381 to "
          + "KPCI-0385");
    }
    return out.build("the configuration declares no CDE namespace or selector");
  }
}
