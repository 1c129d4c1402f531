package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.NamespaceTable;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import io.fabric8.kubernetes.api.model.LimitRange;
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
@NamespaceTable(id = "resource-quotas", title = "Resource quotas and limit ranges per namespace",
    columns = {"resource quotas", "limit ranges", "containers without limits"})
public final class ResourceQuotaRule implements NamespaceRule {
  private static final Set<String> CPU = Set.of("cpu", "limits.cpu", "requests.cpu");
  private static final Set<String> MEMORY = Set.of("memory", "limits.memory", "requests.memory");

  @Override
  public Judged check(WorkloadNamespace namespace, RuleContext context) {
    String ns = namespace.name();
    List<String> quotas = new ArrayList<>();
    Set<String> bounded = new TreeSet<>();
    List<String> limitRanges = new ArrayList<>();
    for (Resource r : context.inventory().inNamespace(ns)) {
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
    for (Workload w : namespace.workloads()) {
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
    int workloads = namespace.workloads().size();
    List<String> cells = List.of(quotas.isEmpty() ? "-" : String.join("; ", quotas),
        limitRanges.isEmpty() ? "-" : String.join("; ", limitRanges), String.valueOf(unlimited));
    boolean quotaMissing = !bounded.containsAll(Set.of("cpu", "memory"));
    boolean defaultsMissing = limitRanges.stream().noneMatch(l -> l.endsWith("(container defaults)"));
    if (!quotaMissing && !defaultsMissing) {
      return new Judged(cells, List.of());
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
    Violation v = Violation.at(FieldPath.root().child("metadata").child("name"), ns, "namespace " + ns + " runs "
        + workloads + (workloads == 1 ? " workload" : " workloads") + " and " + String.join(", and ", gaps));
    // a namespace with a quota but without container defaults is a lesser gap
    return new Judged(cells, List.of(quotaMissing ? v : v.withSeverity(Severity.LOW)));
  }
}
