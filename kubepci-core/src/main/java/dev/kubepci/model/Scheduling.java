package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the scheduler may place a pod, as far as its spec decides: its nodeSelector, required node affinity, and
 * tolerations against the taints that repel pods (NoSchedule and NoExecute). Preferred affinity and resources are
 * ignored: they decide where a pod lands, not where it may land.
 */
public final class Scheduling {
  private Scheduling() {}

  /** True when the pod spec's required placement (nodeSelector and required node affinity) accepts {@code node}. */
  public static boolean selects(PodSpec spec, Node node) {
    Map<String, String> labels = node.getMetadata() == null || node.getMetadata().getLabels() == null ? Map.of()
        : node.getMetadata().getLabels();
    if (spec.getNodeSelector() != null) {
      for (Map.Entry<String, String> e : spec.getNodeSelector().entrySet()) {
        if (!java.util.Objects.equals(e.getValue() == null ? "" : e.getValue(), labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    NodeSelector required = requiredAffinity(spec);
    if (required == null || required.getNodeSelectorTerms() == null || required.getNodeSelectorTerms().isEmpty()) {
      return true;
    }
    String name = node.getMetadata() == null ? null : node.getMetadata().getName();
    for (NodeSelectorTerm term : required.getNodeSelectorTerms()) {
      if (term != null && termMatches(term, labels, name)) {
        return true;
      }
    }
    return false;
  }

  /** True when the pod spec requires some node labels: a nodeSelector or required node affinity terms. */
  public static boolean hasRequiredPlacement(PodSpec spec) {
    NodeSelector required = requiredAffinity(spec);
    return spec.getNodeSelector() != null && !spec.getNodeSelector().isEmpty()
        || required != null && required.getNodeSelectorTerms() != null && !required.getNodeSelectorTerms().isEmpty();
  }

  private static NodeSelector requiredAffinity(PodSpec spec) {
    Affinity a = spec.getAffinity();
    return a == null || a.getNodeAffinity() == null ? null
        : a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
  }

  private static boolean termMatches(NodeSelectorTerm term, Map<String, String> labels, String name) {
    boolean any = false;
    for (NodeSelectorRequirement r : nonNull(term.getMatchExpressions())) {
      any = true;
      if (!requirement(r, labels.get(r.getKey()), labels.containsKey(r.getKey()))) {
        return false;
      }
    }
    for (NodeSelectorRequirement r : nonNull(term.getMatchFields())) {
      any = true;
      if (!"metadata.name".equals(r.getKey()) || !requirement(r, name, name != null)) {
        return false;
      }
    }
    return any; // an empty term matches no node
  }

  private static boolean requirement(NodeSelectorRequirement r, String value, boolean present) {
    List<String> values = nonNull(r.getValues());
    return switch (r.getOperator() == null ? "" : r.getOperator()) {
      case "Gt" -> present && compare(value, values) > 0;
      case "Lt" -> present && compare(value, values) < 0;
      default -> LabelSelectors.requirement(r.getOperator(), values, present ? value : null);
    };
  }

  private static int compare(String value, List<String> values) {
    try {
      return Long.compare(Long.parseLong(value), Long.parseLong(values.get(0)));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The taints of {@code node} that keep pods off it (NoSchedule, NoExecute). */
  public static List<Taint> repellingTaints(Node node) {
    List<Taint> out = new ArrayList<>();
    if (node.getSpec() != null) {
      for (Taint t : nonNull(node.getSpec().getTaints())) {
        if ("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** True when one of {@code tolerations} tolerates {@code taint}, with Kubernetes' matching rules. */
  public static boolean tolerates(List<Toleration> tolerations, Taint taint) {
    for (Toleration t : nonNull(tolerations)) {
      if (t == null) {
        continue;
      }
      if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
        continue;
      }
      String key = t.getKey() == null ? "" : t.getKey();
      if ("Exists".equals(t.getOperator())) {
        if (key.isEmpty() || key.equals(taint.getKey())) {
          return true;
        }
      } else if (key.equals(taint.getKey()) && (t.getValue() == null ? "" : t.getValue())
          .equals(taint.getValue() == null ? "" : taint.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** True when the pod may run on {@code node}: its placement accepts it and it tolerates every repelling taint. */
  public static boolean canRunOn(PodSpec spec, Node node) {
    if (!selects(spec, node)) {
      return false;
    }
    for (Taint t : repellingTaints(node)) {
      if (!tolerates(spec.getTolerations(), t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The pod spec as admission leaves it for scheduling: a RuntimeClass with a {@code scheduling} section adds its
   * nodeSelector and tolerations to every pod that names it. Unchanged when the pod names no RuntimeClass, or one
   * that is not in the inventory.
   */
  public static PodSpec effective(PodSpec spec, Inventory inventory) {
    String name = spec.getRuntimeClassName();
    if (name == null || name.isEmpty()) {
      return spec;
    }
    RuntimeClass rc = inventory.get("RuntimeClass", null, name).flatMap(r -> r.as(RuntimeClass.class)).orElse(null);
    if (rc == null || rc.getScheduling() == null) {
      return spec;
    }
    PodSpec copy = new PodSpecBuilder(spec).build();
    if (rc.getScheduling().getNodeSelector() != null && !rc.getScheduling().getNodeSelector().isEmpty()) {
      Map<String, String> selector = new java.util.LinkedHashMap<>(rc.getScheduling().getNodeSelector());
      if (spec.getNodeSelector() != null) {
        selector.putAll(spec.getNodeSelector());
      }
      copy.setNodeSelector(selector);
    }
    if (rc.getScheduling().getTolerations() != null && !rc.getScheduling().getTolerations().isEmpty()) {
      List<Toleration> tolerations = new ArrayList<>(nonNull(spec.getTolerations()));
      tolerations.addAll(rc.getScheduling().getTolerations());
      copy.setTolerations(tolerations);
    }
    return copy;
  }

  /** e.g. {@code pci.example.com/pool=cde:NoSchedule}. */
  public static String describe(Taint t) {
    return t.getKey() + (t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue()) + ":"
        + t.getEffect();
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
