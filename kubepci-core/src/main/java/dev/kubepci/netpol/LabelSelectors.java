package dev.kubepci.netpol;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Kubernetes label selector semantics ({@code matchLabels} and {@code matchExpressions} with In, NotIn, Exists,
 * DoesNotExist), for typed selectors and for selectors read from CRDs as maps (Cilium). An empty selector matches
 * every label set; a selector that is absent is the caller's business, because its meaning differs by field.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  public static boolean isEmpty(LabelSelector selector) {
    return selector == null
        || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  /** True when {@code selector} (not null) selects {@code labels}. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!java.util.Objects.equals(e.getValue() == null ? "" : e.getValue(), labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!requirement(r.getKey(), r.getOperator(), r.getValues(), labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A selector given as a map (from a CRD), with {@code keys} applied to every label key it names (Cilium writes
   * {@code k8s:app} for the label {@code app}).
   */
  public static boolean matches(Map<?, ?> selector, Map<String, String> labels, UnaryOperator<String> keys) {
    if (selector.get("matchLabels") instanceof Map<?, ?> ml) {
      for (Map.Entry<?, ?> e : ml.entrySet()) {
        if (!String.valueOf(e.getValue()).equals(labels.get(keys.apply(String.valueOf(e.getKey()))))) {
          return false;
        }
      }
    }
    if (selector.get("matchExpressions") instanceof List<?> exprs) {
      for (Object o : exprs) {
        if (!(o instanceof Map<?, ?> r)) {
          return false;
        }
        List<String> values = new ArrayList<>();
        if (r.get("values") instanceof List<?> vs) {
          vs.forEach(v -> values.add(String.valueOf(v)));
        }
        String key = keys.apply(String.valueOf(r.get("key")));
        if (!requirement(key, String.valueOf(r.get("operator")), values, labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The label keys a map selector names, after {@code keys}. */
  public static List<String> keys(Map<?, ?> selector, UnaryOperator<String> keys) {
    List<String> out = new ArrayList<>();
    if (selector.get("matchLabels") instanceof Map<?, ?> ml) {
      ml.keySet().forEach(k -> out.add(keys.apply(String.valueOf(k))));
    }
    if (selector.get("matchExpressions") instanceof List<?> exprs) {
      for (Object o : exprs) {
        if (o instanceof Map<?, ?> r) {
          out.add(keys.apply(String.valueOf(r.get("key"))));
        }
      }
    }
    return out;
  }

  private static boolean requirement(String key, String operator, List<String> values, Map<String, String> labels) {
    if (key == null) {
      return false; // the API server rejects a requirement without a key; select nothing rather than guess
    }
    List<String> vs = values == null ? List.of() : values;
    return switch (operator == null ? "" : operator) {
      case "In" -> labels.containsKey(key) && vs.contains(labels.get(key));
      case "NotIn" -> !labels.containsKey(key) || !vs.contains(labels.get(key));
      case "Exists" -> labels.containsKey(key);
      case "DoesNotExist" -> !labels.containsKey(key);
      default -> false; // the API server rejects other operators; select nothing rather than guess
    };
  }

  /** A short text for reports: {@code app=web, tier in (a, b)}, or {@code all} for an empty selector. */
  public static String describe(LabelSelector selector) {
    if (isEmpty(selector)) {
      return "all";
    }
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      new TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        parts.add(describe(r.getKey(), r.getOperator(), r.getValues()));
      }
    }
    return String.join(", ", parts);
  }

  /** {@link #describe(LabelSelector)} for a selector given as a map. */
  public static String describe(Map<?, ?> selector) {
    List<String> parts = new ArrayList<>();
    if (selector.get("matchLabels") instanceof Map<?, ?> ml) {
      new TreeMap<>(ml.entrySet().stream().collect(java.util.stream.Collectors.toMap(
          e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue())))).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.get("matchExpressions") instanceof List<?> exprs) {
      for (Object o : exprs) {
        if (o instanceof Map<?, ?> r) {
          List<String> values = new ArrayList<>();
          if (r.get("values") instanceof List<?> vs) {
            vs.forEach(v -> values.add(String.valueOf(v)));
          }
          parts.add(describe(String.valueOf(r.get("key")), String.valueOf(r.get("operator")), values));
        }
      }
    }
    return parts.isEmpty() ? "all" : String.join(", ", parts);
  }

  private static String describe(String key, String operator, List<String> values) {
    String vs = values == null ? "" : String.join(", ", values);
    return switch (operator == null ? "" : operator) {
      case "In" -> key + " in (" + vs + ")";
      case "NotIn" -> key + " notin (" + vs + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default -> key + " " + operator + " (" + vs + ")";
    };
  }
}
