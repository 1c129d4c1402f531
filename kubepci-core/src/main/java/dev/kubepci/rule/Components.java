package dev.kubepci.rule;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The instances a {@link ComponentRule} checks: of one or more control-plane components, or the kubelet
 * configurations, or both ({@link #anyOf}); with the wording for when none is visible and the object each instance's
 * findings are about. Made by the factories below.
 *
 * @param <T> {@code ControlPlane.Instance}, the KubeletConfiguration {@code Resource}, or {@code Object} for both
 * @param type the class of the instances
 * @param lister the instances of an inventory
 * @param resourceOf the object a finding about an instance is on
 * @param ifNothing the NOT_APPLICABLE reason when there was nothing to check
 * @param missingAs how a missing part is named in {@link #partlyVisible}; null for a part whose absence goes unsaid
 * @param parts the parts of {@link #anyOf}; empty for one kind of instance
 */
public record Components<T>(Class<?> type, Function<Inventory, List<T>> lister, Function<T, Resource> resourceOf,
    String shownAs, NotVisible notVisible, String ifNothing, String missingAs, List<Components<?>> parts,
    String ifClean) {
  /**
   * What the factories guarantee; {@code notVisible} may be null only for a part of {@link #anyOf}, which the
   * catalogue checks for a rule's own components.
   */
  public Components {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(lister, "lister");
    Objects.requireNonNull(resourceOf, "resourceOf");
    Objects.requireNonNull(shownAs, "shownAs");
    parts = List.copyOf(parts);
    if (!parts.isEmpty() && ifClean == null) {
      throw new IllegalArgumentException("the parts of " + shownAs + " need the reason for a partly visible result");
    }
  }

  /** Each instance of {@code component}, in input order. */
  public static Components<ControlPlane.Instance> of(ControlPlane.Component component, NotVisible notVisible) {
    return of(List.of(component), component, notVisible, "no " + component.binary() + " in the input");
  }

  /**
   * Each instance of each of {@code components}, component by component.
   *
   * @param shownAs the component the not-visible reason names
   */
  public static Components<ControlPlane.Instance> of(List<ControlPlane.Component> components,
      ControlPlane.Component shownAs, NotVisible notVisible, String ifNothing) {
    List<ControlPlane.Component> cs = List.copyOf(components);
    return new Components<>(ControlPlane.Instance.class, inventory -> {
      ControlPlane cp = ControlPlane.of(inventory);
      List<ControlPlane.Instance> out = new ArrayList<>();
      cs.forEach(c -> out.addAll(cp.instances(c)));
      return out;
    }, ControlPlane.Instance::pod, shownAs.binary(), notVisible, ifNothing, shownAs.binary(), List.of(), null);
  }

  /**
   * A part of {@link #anyOf}: each instance of each of the components, named after the first when none is in the
   * input.
   */
  public static Components<ControlPlane.Instance> of(ControlPlane.Component first, ControlPlane.Component... more) {
    List<ControlPlane.Component> cs = new ArrayList<>(List.of(first));
    cs.addAll(List.of(more));
    return of(cs, first, null, null);
  }

  /** A part of {@link #anyOf}: each KubeletConfiguration of the input. */
  public static Components<Resource> kubelets() {
    return kubelets(null);
  }

  /** Each KubeletConfiguration of the input. */
  public static Components<Resource> kubelets(NotVisible notVisible) {
    return new Components<>(Resource.class, inventory -> ControlPlane.of(inventory).kubeletConfigs(), r -> r,
        "kubelet", notVisible, "no KubeletConfiguration in the input", "KubeletConfiguration", List.of(), null);
  }

  /**
   * What {@code rule} declares with {@link EachInstance} or {@link EachKubelet}.
   *
   * @param <T> {@code ControlPlane.Instance} for {@link EachInstance}, the KubeletConfiguration {@code Resource} for
   *     {@link EachKubelet}
   * @throws IllegalStateException when it declares neither (and did not write {@link ComponentRule#components()})
   */
  @SuppressWarnings("unchecked")
  static <T> Components<T> declaredBy(Class<?> rule) {
    EachInstance each = rule.getAnnotation(EachInstance.class);
    if (each != null) {
      return (Components<T>) of(each.of(), each.notVisible().notVisible());
    }
    EachKubelet kubelets = rule.getAnnotation(EachKubelet.class);
    if (kubelets != null) {
      return (Components<T>) kubelets(NotVisible.kubeletField(kubelets.showing()));
    }
    throw new IllegalStateException(rule.getName() + " declares neither @EachInstance nor @EachKubelet, and does "
        + "not say its components()");
  }

  /**
   * The instances of several parts (control-plane components and kubelet configurations), part by part: the rule
   * is not visible only when no part has an instance; when a part is missing and nothing failed, the rule is
   * NOT_ASSESSED naming it: "{@code ifClean}, but kube-apiserver and KubeletConfiguration not in the input". A part
   * made {@link #unnamed()} is checked when present and never named.
   *
   * @param shownAs what the not-visible reason names, e.g. "kube-apiserver, kubelet"
   */
  public static Components<Object> anyOf(List<Components<?>> parts, String shownAs, NotVisible notVisible,
      String ifNothing, String ifClean) {
    List<Components<?>> ps = List.copyOf(parts);
    // an instance's object depends only on its type (the pod of a control-plane instance, a configuration itself)
    return new Components<>(Object.class, inventory -> {
      List<Object> out = new ArrayList<>();
      ps.forEach(p -> out.addAll(p.instances(inventory)));
      return out;
    }, instance -> ps.stream().filter(p -> p.type.isInstance(instance)).findFirst().orElseThrow()
        .resourceOfAny(instance), shownAs, notVisible, ifNothing, null, ps, ifClean);
  }

  /** The same part, checked when present but never named as missing by {@link #anyOf}. */
  public Components<T> unnamed() {
    return new Components<>(type, lister, resourceOf, shownAs, notVisible, ifNothing, null, parts, ifClean);
  }

  public List<T> instances(Inventory inventory) {
    return lister.apply(inventory);
  }

  /** The object a finding about {@code instance} is on: the pod of a control-plane instance, or the configuration. */
  public Resource resource(T instance) {
    return resourceOf.apply(instance);
  }

  private Resource resourceOfAny(Object instance) {
    @SuppressWarnings("unchecked")
    T typed = (T) type.cast(instance);
    return resource(typed);
  }

  /**
   * The kinds the instances are read from, which a component rule reads without naming them: the Pods of the
   * control plane (static or mirror pods) or the KubeletConfiguration files, and the Nodes that show a managed
   * provider; for {@link #anyOf}, those of each part in turn.
   */
  public List<String> reads() {
    if (!parts.isEmpty()) {
      return parts.stream().flatMap(p -> p.reads().stream()).distinct().toList();
    }
    return type == Resource.class ? List.of("KubeletConfiguration", "Node") : List.of("Pod", "Node");
  }

  /**
   * NOT_ASSESSED when no instance is visible; empty when there is one to check.
   *
   * @param managed the rule's words, per provider, for what shows the same control there ({@link NotVisible})
   */
  public Optional<Outcome> hidden(Inventory inventory, Map<ManagedProvider, String> managed) {
    if (!instances(inventory).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Outcome.notAssessed(Objects.requireNonNull(notVisible, "a part of anyOf, not a rule's "
        + "components").reason(inventory, shownAs, managed)));
  }

  /**
   * For the parts of {@link #anyOf}: the NOT_ASSESSED reason of a result without failures when a named part has no
   * instance; empty when every named part is visible, and always for one kind of instance.
   */
  public Optional<String> partlyVisible(Inventory inventory) {
    List<String> missing = new ArrayList<>();
    for (Components<?> p : parts) {
      if (p.missingAs != null && p.instances(inventory).isEmpty()) {
        missing.add(p.missingAs);
      }
    }
    return missing.isEmpty() ? Optional.empty()
        : Optional.of(ifClean + ", but " + String.join(" and ", missing) + " not in the input");
  }
}
