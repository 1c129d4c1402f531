package dev.kubepci.rules.workload;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import java.util.Map;

/**
 * Decides whether a workload is one the organisation classed as high-risk in {@code highRisk}: by namespace name, or
 * by a label selector ({@code key=value}, {@code key!=value}, {@code key}, comma-joined terms all holding) matched
 * against the namespace's labels, the object's labels or its pod template's labels.
 */
final class HighRiskSelection {
  private final KubepciConfig.Selection selection;

  HighRiskSelection(KubepciConfig.Selection selection) {
    this.selection = selection;
  }

  /** The reason {@code workload} is high-risk ("namespace payments", "labels pci.example.com/risk=high"), or null. */
  String reason(Workload workload, Inventory inventory) {
    String ns = workload.namespace();
    if (ns != null && selection.namespaces().contains(ns)) {
      return "namespace " + ns + " is listed under highRisk";
    }
    Map<String, String> nsLabels = ns == null ? Map.of()
        : inventory.get("Namespace", null, ns).map(Resource::labels).orElse(Map.of());
    for (String selector : selection.selectors()) {
      if (LabelSelectors.matchesText(selector, nsLabels)) {
        return "namespace " + ns + " matches highRisk selector " + selector;
      }
      if (LabelSelectors.matchesText(selector, workload.resource().labels())
          || LabelSelectors.matchesText(selector, workload.podLabels())) {
        return "its labels match highRisk selector " + selector;
      }
    }
    return null;
  }
}
