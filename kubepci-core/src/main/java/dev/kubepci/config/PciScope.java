package dev.kubepci.config;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.Resource;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import java.util.Map;

/**
 * The PCI scope the configuration declares, applied to an inventory: the cardholder data environment ({@code cde}),
 * systems connected to it ({@code connected}), cluster-wide objects that serve every namespace ({@code shared}), and
 * the rest ({@code out-of-scope}). Without a declared CDE every object is {@code unscoped}, and the whole cluster is
 * treated as in scope. Namespaces match by name or by the Namespace object's labels; objects also by their own
 * labels, and workloads by their pod template's labels.
 */
public final class PciScope {
  private final KubepciConfig.Selection cde;
  private final KubepciConfig.Selection connected;
  private final Inventory inventory;

  private PciScope(KubepciConfig config, Inventory inventory) {
    KubepciConfig.Scope scope = config.scope();
    this.cde = scope == null ? null : scope.cde();
    this.connected = scope == null ? null : scope.connected();
    this.inventory = inventory;
  }

  public static PciScope of(KubepciConfig config, Inventory inventory) {
    return new PciScope(config == null ? KubepciConfig.EMPTY : config, inventory);
  }

  /** True when the configuration names a CDE. */
  public boolean isDeclared() {
    return cde != null && !cde.isEmpty();
  }

  /** The scope of {@code resource}; a null resource (a finding about the whole cluster) is {@code shared}. */
  public ScopeZone classify(Resource resource) {
    if (!isDeclared()) {
      return ScopeZone.UNSCOPED;
    }
    if (resource == null || resource.namespace() == null && !"Namespace".equals(resource.kind())) {
      return ScopeZone.SHARED;
    }
    String ns = "Namespace".equals(resource.kind()) ? resource.name() : resource.namespace();
    Map<String, String> podLabels = Workloads.isWorkloadKind(resource.kind())
        ? Workloads.of(resource).map(Workload::podLabels).orElse(Map.of()) : Map.of();
    return classify(ns, resource.labels(), podLabels);
  }

  /** The scope of a workload: its namespace, its own labels or its pods' labels. */
  public ScopeZone classify(Workload workload) {
    if (!isDeclared()) {
      return ScopeZone.UNSCOPED;
    }
    if (workload.namespace() == null) {
      return ScopeZone.SHARED;
    }
    return classify(workload.namespace(), workload.resource().labels(), workload.podLabels());
  }

  /** The scope of pods with {@code podLabels} in {@code namespace}. */
  public ScopeZone classify(String namespace, Map<String, String> podLabels) {
    return isDeclared() ? classify(namespace, podLabels, Map.of()) : ScopeZone.UNSCOPED;
  }

  /** Classifies a namespace by name (and its labels when the Namespace object is in the inventory). */
  public ScopeZone classifyNamespace(String namespace) {
    return isDeclared() ? classify(namespace, Map.of(), Map.of()) : ScopeZone.UNSCOPED;
  }

  private ScopeZone classify(String ns, Map<String, String> labels, Map<String, String> moreLabels) {
    Map<String, String> nsLabels = inventory.get("Namespace", null, ns).map(Resource::labels).orElse(Map.of());
    if (matches(cde, ns, nsLabels, labels, moreLabels)) {
      return ScopeZone.CDE;
    }
    if (connected != null && matches(connected, ns, nsLabels, labels, moreLabels)) {
      return ScopeZone.CONNECTED;
    }
    return ScopeZone.OUT_OF_SCOPE;
  }

  private static boolean matches(KubepciConfig.Selection sel, String ns, Map<String, String> nsLabels,
      Map<String, String> labels, Map<String, String> moreLabels) {
    if (sel.namespaces().contains(ns)) {
      return true;
    }
    for (String selector : sel.selectors()) {
      if (LabelSelectors.matchesText(selector, nsLabels) || LabelSelectors.matchesText(selector, labels)
          || (!moreLabels.isEmpty() && LabelSelectors.matchesText(selector, moreLabels))) {
        return true;
      }
    }
    return false;
  }
}
