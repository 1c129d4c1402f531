package dev.kubepci.rules.network;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.netpol.Direction;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.PodEndpoint;
import dev.kubepci.netpol.Policy;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Flags namespaces that run workloads without a default deny for ingress and for egress: a policy that selects every
 * pod of the namespace (an empty podSelector, a Calico selector or a Cilium endpointSelector that covers them all),
 * isolates them for that direction, and allows nothing itself. Calico and Cilium equivalents count when the CNI
 * applies them.
 */
@RuleInfo(id = "KPCI-0007", name = "namespace-default-deny", severity = Severity.HIGH, readsWorkloads = true,
    readsNetworkPolicies = true)
public final class NamespaceDefaultDenyRule implements ClusterRule {
  /** Namespaces Kubernetes creates that hold no workloads of their own. */
  private static final Set<String> IGNORED = Set.of("kube-public", "kube-node-lease");

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    NetworkPolicies model = NetworkPolicies.of(inventory);
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    for (String ns : model.namespaces()) {
      // host-network pods are outside NetworkPolicy: a namespace of only those has nothing a policy could cover
      List<PodEndpoint> pods = model.workloads(ns).stream().filter(p -> !p.hostNetwork()).toList();
      if (pods.isEmpty() || IGNORED.contains(ns)) {
        continue;
      }
      Optional<Policy> ingress = model.defaultDeny(ns, Direction.INGRESS);
      Optional<Policy> egress = model.defaultDeny(ns, Direction.EGRESS);
      rows.add(List.of(ns, Integer.toString(pods.size()), ingress.map(Policy::name).orElse("none"),
          egress.map(Policy::name).orElse("none")));
      if (ingress.isPresent() && egress.isPresent()) {
        out.pass();
        continue;
      }
      String missing = ingress.isEmpty() && egress.isEmpty() ? "ingress or egress"
          : ingress.isEmpty() ? "ingress" : "egress";
      Resource subject = inventory.get("Namespace", null, ns)
          .orElseGet(() -> WorkloadNamespace.objectOf(ns, pods.get(0).resource().provenance()));
      out.fail(subject, Violation.at(FieldPath.root().child("metadata").child("name"), ns,
          "namespace " + ns + " runs " + pods.size() + " workload(s) but has no default-deny policy for " + missing));
    }
    out.table(new Table("namespace-default-deny", "Default deny per namespace (" + model.engine().title()
        + " semantics)", List.of("namespace", "workloads", "ingress default deny", "egress default deny"), rows));
    return out.build(NamespaceRule.NO_NAMESPACES);
  }
}
