package dev.kubepci.engine;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.config.PciScope;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.ScopeZone;

/**
 * Places an object in the PCI scope the configuration declares: the cardholder data environment ({@code cde}),
 * systems connected to it ({@code connected}), cluster-wide objects that serve every namespace ({@code shared}),
 * or the rest ({@code out-of-scope}). Without a declared scope every object is {@code unscoped}: the whole
 * cluster is then treated as in scope.
 */
public final class ScopeClassifier {
  private final PciScope scope;

  public ScopeClassifier(KubepciConfig config, Inventory inventory) {
    this.scope = PciScope.of(config, inventory);
  }

  public boolean isDeclared() {
    return scope.isDeclared();
  }

  /** The scope of {@code resource}; null resource (a finding about the whole cluster) is {@code shared}. */
  public ScopeZone classify(Resource resource) {
    return scope.classify(resource);
  }

  /** Classifies a namespace by name (and its labels when the Namespace object is in the inventory). */
  public ScopeZone classifyNamespace(String ns) {
    return scope.classifyNamespace(ns);
  }
}
