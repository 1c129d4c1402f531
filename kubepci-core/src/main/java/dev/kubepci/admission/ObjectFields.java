package dev.kubepci.admission;

import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of any object as a tree of maps and lists, whether it was read as a typed model (webhook
 * configurations, ValidatingAdmissionPolicies) or as a generic CRD object, so that policy parsers are written once
 * against the field names of the API.
 */
public final class ObjectFields {
  private static final KubernetesSerialization SERIALIZATION = dev.kubepci.model.ModelSerialization.shared();

  private ObjectFields() {}

  /** The whole object as a map tree. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> tree(Resource resource) {
    if (resource.object() instanceof GenericKubernetesResource generic) {
      return generic.getAdditionalProperties();
    }
    Map<String, Object> converted = SERIALIZATION.convertValue(resource.object(), Map.class);
    return converted == null ? Map.of() : converted;
  }

  /** The node at {@code path} below {@code node}, or null. */
  public static Object at(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object node, String... path) {
    Object value = at(node, path);
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The label selector at {@code path}: its map tree, or null when it is absent (or not a map). */
  public static Map<?, ?> selector(Object node, String... path) {
    return at(node, path) instanceof Map<?, ?> m ? m : null;
  }

  /** True when the node at {@code path} is present (even empty). */
  public static boolean has(Object node, String... path) {
    return at(node, path) != null;
  }

  public static List<Object> list(Object node, String... path) {
    Object value = at(node, path);
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  /** The list at {@code path}, keeping only its map elements. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> maps(Object node, String... path) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list(node, path)) {
      if (o instanceof Map<?, ?> m) {
        out.add((Map<String, Object>) m);
      }
    }
    return out;
  }

  /** A scalar as text, or null. */
  public static String string(Object node, String... path) {
    Object value = at(node, path);
    return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : value.toString();
  }

  /** The scalars of the list at {@code path}, as text. */
  public static List<String> strings(Object node, String... path) {
    List<String> out = new ArrayList<>();
    for (Object o : list(node, path)) {
      if (o != null && !(o instanceof Map<?, ?>) && !(o instanceof List<?>)) {
        out.add(o.toString());
      }
    }
    return out;
  }

  /** The subtree as compact JSON text, for keyword searches over policy bodies. */
  public static String text(Object node) {
    if (node == null) {
      return "";
    }
    return node instanceof String s ? s : SERIALIZATION.asJson(node);
  }
}
