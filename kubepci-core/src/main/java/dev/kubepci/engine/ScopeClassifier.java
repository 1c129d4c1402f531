package dev.kubepci.engine;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import java.util.List;
import java.util.Map;

/**
 * Places an object in the PCI scope the configuration declares: the cardholder data environment ({@code cde}),
 * systems connected to it ({@code connected}), cluster-wide objects that serve every namespace ({@code shared}),
 * or the rest ({@code out-of-scope}). Without a declared scope every object is {@code unscoped}: the whole
 * cluster is then treated as in scope.
 */
public final class ScopeClassifier {
  public static final String CDE = "cde";
  public static final String CONNECTED = "connected";
  public static final String SHARED = "shared";
  public static final String OUT_OF_SCOPE = "out-of-scope";
  public static final String UNSCOPED = "unscoped";

  private final KubepciConfig.Selection cde;
  private final KubepciConfig.Selection connected;
  private final Inventory inventory;

  public ScopeClassifier(KubepciConfig config, Inventory inventory) {
    KubepciConfig.Scope scope = config.scope();
    this.cde = scope == null || scope.cde() == null ? null : scope.cde();
    this.connected = scope == null || scope.connected() == null ? null : scope.connected();
    this.inventory = inventory;
  }

  public boolean isDeclared() {
    return cde != null && !cde.isEmpty();
  }

  /** The scope of {@code resource}; null resource (a finding about the whole cluster) is {@code shared}. */
  public String classify(Resource resource) {
    if (!isDeclared()) {
      return UNSCOPED;
    }
    if (resource == null || resource.namespace() == null && !"Namespace".equals(resource.kind())) {
      return SHARED;
    }
    String ns = "Namespace".equals(resource.kind()) ? resource.name() : resource.namespace();
    Map<String, String> nsLabels = inventory.get("Namespace", null, ns).map(Resource::labels).orElse(Map.of());
    if (matches(cde, ns, nsLabels, resource.labels())) {
      return CDE;
    }
    if (connected != null && matches(connected, ns, nsLabels, resource.labels())) {
      return CONNECTED;
    }
    return OUT_OF_SCOPE;
  }

  /** Classifies a namespace by name (and its labels when the Namespace object is in the inventory). */
  public String classifyNamespace(String ns) {
    if (!isDeclared()) {
      return UNSCOPED;
    }
    Map<String, String> nsLabels = inventory.get("Namespace", null, ns).map(Resource::labels).orElse(Map.of());
    if (matches(cde, ns, nsLabels, Map.of())) {
      return CDE;
    }
    return connected != null && matches(connected, ns, nsLabels, Map.of()) ? CONNECTED : OUT_OF_SCOPE;
  }

  static boolean matches(KubepciConfig.Selection sel, String ns, Map<String, String> nsLabels,
      Map<String, String> objectLabels) {
    if (sel.namespaces().contains(ns)) {
      return true;
    }
    for (String selector : sel.selectors()) {
      if (selects(selector, nsLabels) || selects(selector, objectLabels)) {
        return true;
      }
    }
    return false;
  }

  /** {@code key=value}, {@code key!=value}, {@code key}, or several joined by commas (all must hold). */
  static boolean selects(String selector, Map<String, String> labels) {
    List<String> terms = List.of(selector.split(","));
    for (String raw : terms) {
      String t = raw.trim();
      if (t.isEmpty()) {
        continue;
      }
      int ne = t.indexOf("!=");
      int eq = t.indexOf('=');
      if (ne > 0) {
        if (t.substring(ne + 2).trim().equals(labels.get(t.substring(0, ne).trim()))) {
          return false;
        }
      } else if (eq > 0) {
        String key = t.substring(0, eq).trim();
        String value = t.substring(t.charAt(eq + 1) == '=' ? eq + 2 : eq + 1).trim();
        if (!value.equals(labels.get(key))) {
          return false;
        }
      } else if (!labels.containsKey(t)) {
        return false;
      }
    }
    return true;
  }
}
