package dev.kubepci.rules.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates Kubernetes label selectors ({@code matchLabels} and {@code matchExpressions} with In, NotIn, Exists and
 * DoesNotExist) given as map trees, as webhook, policy and binding selectors are written.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** True when the selector selects an object with {@code labels}; an absent or empty selector selects everything. */
  public static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    for (Map.Entry<String, Object> e : ObjectFields.map(selector, "matchLabels").entrySet()) {
      if (e.getValue() == null || !e.getValue().toString().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (Map<String, Object> expr : ObjectFields.maps(selector, "matchExpressions")) {
      String key = ObjectFields.string(expr, "key");
      String operator = ObjectFields.string(expr, "operator");
      List<String> values = ObjectFields.strings(expr, "values");
      String value = key == null ? null : labels.get(key);
      boolean ok = switch (operator == null ? "" : operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false; // an invalid selector selects nothing, as the API server would reject it
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** True when the selector is absent or empty, i.e. selects everything. */
  public static boolean isEmpty(Map<String, Object> selector) {
    return selector == null || selector.isEmpty()
        || ObjectFields.map(selector, "matchLabels").isEmpty()
            && ObjectFields.list(selector, "matchExpressions").isEmpty();
  }

  /** The selector in kubectl's notation, e.g. {@code app=web,tier notin (db),!skip}. */
  public static String describe(Map<String, Object> selector) {
    if (isEmpty(selector)) {
      return "everything";
    }
    List<String> terms = new ArrayList<>();
    new TreeMap<>(ObjectFields.map(selector, "matchLabels")).forEach((k, v) -> terms.add(k + "=" + v));
    for (Map<String, Object> expr : ObjectFields.maps(selector, "matchExpressions")) {
      String key = ObjectFields.string(expr, "key");
      String operator = String.valueOf(ObjectFields.string(expr, "operator"));
      List<String> values = ObjectFields.strings(expr, "values");
      terms.add(switch (operator) {
        case "In" -> key + " in (" + String.join(",", values) + ")";
        case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
        case "Exists" -> key;
        case "DoesNotExist" -> "!" + key;
        default -> key + " " + operator + " " + values;
      });
    }
    return String.join(",", terms);
  }
}
