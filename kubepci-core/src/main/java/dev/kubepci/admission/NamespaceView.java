package dev.kubepci.admission;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace as admission selectors see it: its labels, including {@code kubernetes.io/metadata.name} which the API
 * server sets on every namespace, and its object when the input holds one.
 *
 * @param object the Namespace object, or null when the input does not hold it (its labels are then unknown)
 */
public record NamespaceView(String name, Map<String, String> labels, Resource object) {
  public static final String NAME_LABEL = "kubernetes.io/metadata.name";

  public NamespaceView {
    labels = Map.copyOf(labels);
  }

  public static NamespaceView of(Inventory inventory, String name) {
    Resource ns = inventory.get("Namespace", null, name).orElse(null);
    Map<String, String> labels = new TreeMap<>(ns == null ? Map.of() : ns.labels());
    labels.put(NAME_LABEL, name);
    return new NamespaceView(name, labels, ns);
  }

  public boolean known() {
    return object != null;
  }
}
