package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The one implementation of Kubernetes label selectors in kubepci: {@code matchLabels} and {@code matchExpressions}
 * (In, NotIn, Exists, DoesNotExist), all ANDed, given as a typed fabric8 {@link LabelSelector} or as a map tree read
 * from any object (webhook configurations, policy engines' CRDs, Cilium), and the {@code key=value} selectors users
 * write in kubepci's configuration.
 *
 * <p>Three rules hold whatever the caller:
 * <ul>
 *   <li>An <em>empty</em> selector ({@code {}}, or one whose matchLabels and matchExpressions are both empty) selects
 *       every label set, as {@code metav1.LabelSelectorAsSelector} makes it.</li>
 *   <li>What an <em>absent</em> (null) selector selects depends on the field it stands for, so every caller names it
 *       with {@link Absent}: a webhook's, a policy engine's or a NetworkPolicy's absent selector is defaulted to
 *       {@code {}} ({@link Absent#SELECTS_ALL}); RBAC aggregation, like {@code LabelSelectorAsSelector} given a nil
 *       selector, selects nothing with one ({@link Absent#SELECTS_NOTHING}; a null list element read from YAML is
 *       already {@code {}}, as Kubernetes decodes it). A field whose absence means
 *       something else (a NetworkPolicy peer without namespaceSelector means "the policy's own namespace") is decided
 *       by its caller before it asks here.</li>
 *   <li>A requirement the API server's validation rejects selects nothing, so an invalid selector never widens what
 *       kubepci believes is covered: an operator other than the four, In or NotIn without values, Exists or
 *       DoesNotExist with values, a requirement without a key, or (in a map tree) one that is not a map.</li>
 * </ul>
 * A {@code matchLabels} value written as null is the empty value, as the API server decodes it.
 */
public final class LabelSelectors {
  private LabelSelectors() {}

  /** What a selector that is not there at all (null) selects; see the class comment for which field means what. */
  public enum Absent {
    /** An absent selector is defaulted to {@code {}} and selects every label set. */
    SELECTS_ALL,
    /** An absent selector selects no label set. */
    SELECTS_NOTHING
  }

  /** How {@link #describe} writes a selector: term and value separators, and the word for an empty selector. */
  public record Notation(String separator, String empty) {
    /** kubectl's notation, {@code app=web,tier notin (db,cache),!skip}; {@code everything} when empty. */
    public static final Notation KUBECTL = new Notation(",", "everything");
    /** Spaced for sentences, {@code app=web, tier in (a, b)}; {@code all} when empty. */
    public static final Notation SPACED = new Notation(", ", "all");
  }

  /** True when {@code selector} selects {@code labels}; an absent selector selects what {@code absent} says. */
  public static boolean matches(LabelSelector selector, Absent absent, Map<String, String> labels) {
    if (selector == null) {
      return absent == Absent.SELECTS_ALL;
    }
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!labelEquals(labels, e.getKey(), e.getValue())) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (r == null || !requirement(r.getKey(), r.getOperator(), r.getValues(), labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@link #matches(LabelSelector, Absent, Map)} for a selector given as a map tree (null when absent). */
  public static boolean matches(Map<?, ?> selector, Absent absent, Map<String, String> labels) {
    return matches(selector, absent, labels, UnaryOperator.identity());
  }

  /**
   * {@link #matches(Map, Absent, Map)} with {@code keys} applied to every label key the selector names (Cilium writes
   * {@code k8s:app} for the label {@code app}).
   */
  public static boolean matches(Map<?, ?> selector, Absent absent, Map<String, String> labels,
      UnaryOperator<String> keys) {
    if (selector == null) {
      return absent == Absent.SELECTS_ALL;
    }
    if (selector.get("matchLabels") instanceof Map<?, ?> ml) {
      for (Map.Entry<?, ?> e : ml.entrySet()) {
        String value = e.getValue() == null ? null : String.valueOf(e.getValue());
        if (!labelEquals(labels, keys.apply(String.valueOf(e.getKey())), value)) {
          return false;
        }
      }
    }
    if (selector.get("matchExpressions") instanceof List<?> exprs) {
      for (Object o : exprs) {
        if (!(o instanceof Map<?, ?> r)) {
          return false;
        }
        String key = r.get("key") == null ? null : keys.apply(String.valueOf(r.get("key")));
        String operator = r.get("operator") == null ? null : String.valueOf(r.get("operator"));
        if (!requirement(key, operator, values(r), labels)) {
          return false;
        }
      }
    }
    return true;
  }

  /** True when {@code selector} is absent or empty: the same for a typed selector and a map tree. */
  public static boolean isEmpty(LabelSelector selector) {
    return selector == null
        || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
            && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
  }

  /** {@link #isEmpty(LabelSelector)} for a map tree. */
  public static boolean isEmpty(Map<?, ?> selector) {
    return selector == null
        || !(selector.get("matchLabels") instanceof Map<?, ?> ml && !ml.isEmpty())
            && !(selector.get("matchExpressions") instanceof List<?> l && !l.isEmpty());
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

  /**
   * The Kubernetes semantics of one requirement: {@code value} is the label's value, null when the label is absent.
   * False for a requirement the API server rejects (see the class comment).
   */
  static boolean requirement(String operator, List<String> values, String value) {
    List<String> vs = values == null ? List.of() : values;
    return switch (operator == null ? "" : operator) {
      case "In" -> !vs.isEmpty() && value != null && vs.contains(value);
      case "NotIn" -> !vs.isEmpty() && (value == null || !vs.contains(value));
      case "Exists" -> vs.isEmpty() && value != null;
      case "DoesNotExist" -> vs.isEmpty() && value == null;
      default -> false;
    };
  }

  private static boolean requirement(String key, String operator, List<String> values, Map<String, String> labels) {
    return key != null && requirement(operator, values, labels.get(key));
  }

  private static boolean labelEquals(Map<String, String> labels, String key, String value) {
    return (value == null ? "" : value).equals(labels.get(key));
  }

  private static List<String> values(Map<?, ?> requirement) {
    List<String> values = new ArrayList<>();
    if (requirement.get("values") instanceof List<?> vs) {
      for (Object v : vs) {
        if (v != null) {
          values.add(String.valueOf(v));
        }
      }
    }
    return values;
  }

  /**
   * A selector given as text in kubepci's configuration: {@code key=value} (or {@code key==value}), {@code key!=value}
   * (also holds when the label is absent), {@code key} (the label exists), several joined by commas, all holding.
   * Blank text names no requirement and selects nothing, so an empty entry in a list never selects every object.
   */
  public static boolean matchesText(String selector, Map<String, String> labels) {
    boolean any = false;
    for (String raw : selector.split(",")) {
      String t = raw.trim();
      if (t.isEmpty()) {
        continue;
      }
      any = true;
      int ne = t.indexOf("!=");
      int eq = t.indexOf('=');
      boolean holds;
      if (ne > 0) {
        holds = requirement("NotIn", List.of(t.substring(ne + 2).trim()), labels.get(t.substring(0, ne).trim()));
      } else if (eq > 0) {
        String value = t.substring(t.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
        holds = value.equals(labels.get(t.substring(0, eq).trim()));
      } else {
        holds = requirement("Exists", List.of(), labels.get(t));
      }
      if (!holds) {
        return false;
      }
    }
    return any;
  }

  /** The selector as text in {@code notation}; an absent selector is written as an empty one. */
  public static String describe(LabelSelector selector, Notation notation) {
    if (isEmpty(selector)) {
      return notation.empty();
    }
    List<String> parts = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      new TreeMap<>(selector.getMatchLabels()).forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (r != null) {
          parts.add(describe(r.getKey(), r.getOperator(), r.getValues(), notation));
        }
      }
    }
    return String.join(notation.separator(), parts);
  }

  /** {@link #describe(LabelSelector, Notation)} for a map tree. */
  public static String describe(Map<?, ?> selector, Notation notation) {
    if (isEmpty(selector)) {
      return notation.empty();
    }
    List<String> parts = new ArrayList<>();
    if (selector.get("matchLabels") instanceof Map<?, ?> ml) {
      Map<String, String> sorted = new TreeMap<>();
      ml.forEach((k, v) -> sorted.put(String.valueOf(k), String.valueOf(v)));
      sorted.forEach((k, v) -> parts.add(k + "=" + v));
    }
    if (selector.get("matchExpressions") instanceof List<?> exprs) {
      for (Object o : exprs) {
        if (o instanceof Map<?, ?> r) {
          parts.add(describe(String.valueOf(r.get("key")), String.valueOf(r.get("operator")), values(r), notation));
        }
      }
    }
    return parts.isEmpty() ? notation.empty() : String.join(notation.separator(), parts);
  }

  private static String describe(String key, String operator, List<String> values, Notation notation) {
    String vs = values == null ? "" : String.join(notation.separator(), values);
    return switch (operator == null ? "" : operator) {
      case "In" -> key + " in (" + vs + ")";
      case "NotIn" -> key + " notin (" + vs + ")";
      case "Exists" -> key;
      case "DoesNotExist" -> "!" + key;
      default -> key + " " + operator + " (" + vs + ")";
    };
  }
}
