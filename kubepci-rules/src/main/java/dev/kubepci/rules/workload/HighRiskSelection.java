package dev.kubepci.rules.workload;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
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
      if (selects(selector, nsLabels)) {
        return "namespace " + ns + " matches highRisk selector " + selector;
      }
      if (selects(selector, workload.resource().labels()) || selects(selector, workload.podLabels())) {
        return "its labels match highRisk selector " + selector;
      }
    }
    return null;
  }

  static boolean selects(String selector, Map<String, String> labels) {
    boolean any = false;
    for (String raw : selector.split(",")) {
      String t = raw.trim();
      if (t.isEmpty()) {
        continue;
      }
      any = true;
      int ne = t.indexOf("!=");
      int eq = t.indexOf('=');
      if (ne > 0) {
        if (t.substring(ne + 2).trim().equals(labels.get(t.substring(0, ne).trim()))) {
          return false;
        }
      } else if (eq > 0) {
        String value = t.substring(t.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
        if (!value.equals(labels.get(t.substring(0, eq).trim()))) {
          return false;
        }
      } else if (!labels.containsKey(t)) {
        return false;
      }
    }
    return any;
  }
}
