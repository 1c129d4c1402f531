package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags namespaces that run workloads without a ResourceQuota bounding both CPU and memory, and (with lower severity)
 * without a LimitRange giving containers default limits. The table {@code resource-quotas} lists each namespace's
 * quotas, limit ranges and the containers that set no limits.
 */
@RuleInfo(id = "KPCI-0120", name = "namespace-resource-quota", severity = Severity.MEDIUM, reads = {"Namespace",
    "ResourceQuota", "LimitRange"}, readsWorkloads = true)
public final class ResourceQuotaRule implements ClusterRule {
  static final String TABLE = "resource-quotas";
  private static final Set<String> CPU = Set.of("cpu", "limits.cpu", "requests.cpu");
  private static final Set<String> MEMORY = Set.of("memory", "limits.memory", "requests.memory");

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, List<Workload>> e : NamespaceWorkloads.of(inventory).entrySet()) {
      String ns = e.getKey();
      List<String> quotas = new ArrayList<>();
      Set<String> bounded = new TreeSet<>();
      List<String> limitRanges = new ArrayList<>();
      for (Resource r : inventory.inNamespace(ns)) {
        r.as(ResourceQuota.class).ifPresent(q -> {
          Map<String, Quantity> hard = q.getSpec() == null || q.getSpec().getHard() == null
              ? Map.of() : q.getSpec().getHard();
          quotas.add(q.getMetadata().getName() + " (" + String.join(", ", new TreeSet<>(hard.keySet())) + ")");
          hard.keySet().forEach(k -> {
            if (CPU.contains(k)) {
              bounded.add("cpu");
            }
            if (MEMORY.contains(k)) {
              bounded.add("memory");
            }
          });
        });
        r.as(LimitRange.class).ifPresent(lr -> {
          boolean defaults = lr.getSpec() != null && lr.getSpec().getLimits() != null && lr.getSpec().getLimits()
              .stream().anyMatch(i -> "Container".equals(i.getType()) && i.getDefault() != null);
          limitRanges.add(lr.getMetadata().getName() + (defaults ? " (container defaults)" : " (no defaults)"));
        });
      }
      int unlimited = 0;
      for (Workload w : e.getValue()) {
        var defaulted = LimitRanges.of(w, context).limits();
        for (Workload.ContainerRef c : w.containers()) {
          var limits = c.container().getResources() == null || c.container().getResources().getLimits() == null
              ? Map.<String, Quantity>of() : c.container().getResources().getLimits();
          if (c.type() != Workload.ContainerType.EPHEMERAL
              && (!limits.containsKey("cpu") && !defaulted.contains("cpu")
                  || !limits.containsKey("memory") && !defaulted.contains("memory"))) {
            unlimited++;
          }
        }
      }
      rows.add(List.of(ns, String.valueOf(e.getValue().size()), quotas.isEmpty() ? "-" : String.join("; ", quotas),
          limitRanges.isEmpty() ? "-" : String.join("; ", limitRanges), String.valueOf(unlimited)));
      Resource subject = inventory.get("Namespace", null, ns)
          .orElseGet(() -> synthetic(ns, e.getValue().get(0).resource()));
      FieldPath name = FieldPath.root().child("metadata").child("name");
      boolean quotaMissing = !bounded.containsAll(Set.of("cpu", "memory"));
      boolean defaultsMissing = limitRanges.stream().noneMatch(l -> l.endsWith("(container defaults)"));
      if (!quotaMissing && !defaultsMissing) {
        out.pass();
        continue;
      }
      List<String> gaps = new ArrayList<>();
      if (quotaMissing) {
        String missing = bounded.isEmpty() ? "CPU or memory" : bounded.contains("cpu") ? "memory" : "CPU";
        gaps.add("no ResourceQuota caps its " + missing
            + (quotas.isEmpty() ? "" : " (quotas: " + String.join("; ", quotas) + ")"));
      }
      if (defaultsMissing) {
        gaps.add("no LimitRange gives containers default limits"
            + (unlimited == 0 ? "" : " (" + unlimited + " container(s) set none)"));
      }
      Violation v = Violation.at(name, ns, "namespace " + ns + " runs " + e.getValue().size()
          + (e.getValue().size() == 1 ? " workload" : " workloads") + " and " + String.join(", and ", gaps));
      // a namespace with a quota but without container defaults is a lesser gap
      out.fail(subject, quotaMissing ? v : v.withSeverity(Severity.LOW));
    }
    out.table(new Table(TABLE, "Resource quotas and limit ranges per namespace",
        List.of("namespace", "workloads", "resource quotas", "limit ranges", "containers without limits"), rows));
    return out.build("no namespace in the input runs workloads");
  }

  private static Resource synthetic(String name, Resource anchor) {
    return new Resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build(),
        anchor.provenance());
  }
}
