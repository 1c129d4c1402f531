package dev.kubepci.rules.network;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags namespaces that run workloads without a default-deny NetworkPolicy for ingress and for egress: a policy
 * that selects every pod (empty podSelector), names the policy type, and allows nothing.
 */
@RuleInfo(
    id = "KPCI-0007",
    name = "namespace-default-deny",
    title = "Namespaces that run workloads deny all traffic by default",
    severity = Severity.HIGH,
    rationale = "Without a default deny, every pod accepts connections from every other pod in the cluster and may "
        + "connect anywhere, so one compromised workload reaches all others. A default deny for ingress and egress "
        + "turns every allowed flow into a decision written down in a policy.",
    remediation = "Add to each namespace a NetworkPolicy with podSelector: {}, policyTypes [Ingress, Egress] and no "
        + "rules, then allow the flows each workload needs (including DNS) with further policies.",
    references = {"https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies"},
    reads = {"Namespace", "NetworkPolicy", "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job",
        "CronJob", "ReplicationController"})
public final class NamespaceDefaultDenyRule implements ClusterRule {
  /** Namespaces Kubernetes creates that hold no workloads of their own. */
  private static final Set<String> IGNORED = Set.of("kube-public", "kube-node-lease");

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Map<String, Resource> firstWorkload = new LinkedHashMap<>();
    for (Workload w : inventory.workloads()) {
      if (w.namespace() != null && !IGNORED.contains(w.namespace()) && !"PodTemplate".equals(w.resource().kind())) {
        firstWorkload.putIfAbsent(w.namespace(), w.resource());
      }
    }
    Outcome.Builder out = Outcome.builder();
    for (String ns : inventory.namespaces()) {
      Resource anchor = firstWorkload.get(ns);
      if (anchor == null) {
        continue;
      }
      boolean ingress = false;
      boolean egress = false;
      for (Resource r : inventory.inNamespace(ns)) {
        NetworkPolicy np = r.as(NetworkPolicy.class).orElse(null);
        if (np == null || np.getSpec() == null || !selectsAll(np.getSpec().getPodSelector())) {
          continue;
        }
        NetworkPolicySpec spec = np.getSpec();
        List<String> types = effectiveTypes(spec);
        if (types.contains("Ingress") && (spec.getIngress() == null || spec.getIngress().isEmpty())) {
          ingress = true;
        }
        if (types.contains("Egress") && (spec.getEgress() == null || spec.getEgress().isEmpty())) {
          egress = true;
        }
      }
      if (ingress && egress) {
        out.pass();
        continue;
      }
      Resource subject = inventory.get("Namespace", null, ns).orElseGet(() -> syntheticNamespace(ns, anchor));
      String missing = !ingress && !egress ? "ingress or egress" : (!ingress ? "ingress" : "egress");
      out.fail(subject, Violation.at(FieldPath.root().child("metadata").child("name"), ns,
          "namespace " + ns + " runs workloads but has no default-deny NetworkPolicy for " + missing));
    }
    return out.build("no namespace in the input runs workloads");
  }

  private static boolean selectsAll(LabelSelector selector) {
    return selector == null
        || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
            && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty()));
  }

  /** policyTypes as Kubernetes defaults it: Ingress always, Egress when egress rules exist. */
  static List<String> effectiveTypes(NetworkPolicySpec spec) {
    if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
      return spec.getPolicyTypes();
    }
    return spec.getEgress() != null && !spec.getEgress().isEmpty() ? List.of("Ingress", "Egress") : List.of("Ingress");
  }

  private static Resource syntheticNamespace(String name, Resource anchor) {
    Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
    return new Resource(ns, anchor.provenance());
  }
}
