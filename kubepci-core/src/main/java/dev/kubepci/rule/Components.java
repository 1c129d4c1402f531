package dev.kubepci.rule;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The instances a {@link ComponentRule} checks: of one or more control-plane components, or the kubelet
 * configurations; with the wording for when none is visible and the object each instance's findings are about.
 *
 * @param <T> {@code ControlPlane.Instance} or the KubeletConfiguration {@code Resource}
 */
public final class Components<T> {
  private final Function<Inventory, List<T>> instances;
  private final Function<T, Resource> resource;
  private final String shownAs;
  private final NotVisible notVisible;
  private final String ifNothing;

  private Components(Function<Inventory, List<T>> instances, Function<T, Resource> resource, String shownAs,
      NotVisible notVisible, String ifNothing) {
    this.instances = instances;
    this.resource = resource;
    this.shownAs = shownAs;
    this.notVisible = notVisible;
    this.ifNothing = ifNothing;
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
    return new Components<>(inventory -> {
      ControlPlane cp = ControlPlane.of(inventory);
      List<ControlPlane.Instance> out = new ArrayList<>();
      cs.forEach(c -> out.addAll(cp.instances(c)));
      return out;
    }, ControlPlane.Instance::pod, shownAs.binary(), notVisible, ifNothing);
  }

  /** Each KubeletConfiguration of the input. */
  public static Components<Resource> kubelets(NotVisible notVisible) {
    return new Components<>(inventory -> ControlPlane.of(inventory).kubeletConfigs(), r -> r, "kubelet", notVisible,
        "no KubeletConfiguration in the input");
  }

  public List<T> instances(Inventory inventory) {
    return instances.apply(inventory);
  }

  /** The object a finding about {@code instance} is on: the pod of a control-plane instance, or the configuration. */
  public Resource resource(T instance) {
    return resource.apply(instance);
  }

  /** NOT_ASSESSED when no instance is visible; empty when there is one to check. */
  public Optional<Outcome> hidden(Inventory inventory) {
    if (!instances(inventory).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Outcome.notAssessed(notVisible.reason(inventory, shownAs)));
  }

  /** The NOT_APPLICABLE reason when there was nothing to check. */
  public String ifNothing() {
    return ifNothing;
  }
}
