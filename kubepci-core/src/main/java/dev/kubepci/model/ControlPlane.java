package dev.kubepci.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The control-plane components kubepci can see, with their command-line flags: kube-apiserver,
 * kube-controller-manager, kube-scheduler and etcd, read from static pod manifests or the mirror pods of a live
 * cluster, and KubeletConfiguration files. On managed clusters none is visible; rules then answer NOT_ASSESSED.
 * Computed once per inventory: {@code ControlPlane.of(inventory)}.
 */
public final class ControlPlane {
  /** A control-plane component and the names it is recognised by. */
  public enum Component {
    KUBE_APISERVER, KUBE_CONTROLLER_MANAGER, KUBE_SCHEDULER, ETCD;

    /** The binary, container and {@code component} label name, e.g. {@code kube-apiserver}. */
    public String binary() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * One running (or declared) instance of a component: the pod it is in, its container, and its flags.
   *
   * @param flags flag name (without dashes) to value; a flag without value maps to "true"; the last occurrence wins
   * @param flagPaths flag name to the path of the command/args entry that sets it
   */
  public record Instance(Component component, Resource pod, Workload.ContainerRef container,
      Map<String, String> flags, Map<String, FieldPath> flagPaths) {

    public Optional<String> flag(String name) {
      return Optional.ofNullable(flags.get(name));
    }

    /** Where {@code name} is set, or the container's command when it is not set at all. */
    public FieldPath pathOf(String name) {
      FieldPath p = flagPaths.get(name);
      return p != null ? p : container.path().child("command");
    }
  }

  private final Map<Component, List<Instance>> instances;
  private final List<Resource> kubeletConfigs;

  private ControlPlane(Map<Component, List<Instance>> instances, List<Resource> kubeletConfigs) {
    this.instances = instances;
    this.kubeletConfigs = kubeletConfigs;
  }

  /** The control plane of {@code inventory}, computed once and shared. */
  public static ControlPlane of(Inventory inventory) {
    return inventory.derived(ControlPlane.class, ControlPlane::compute);
  }

  private static ControlPlane compute(Inventory inventory) {
    Map<Component, List<Instance>> found = new EnumMap<>(Component.class);
    for (Resource r : inventory.ofKind("Pod")) {
      Workload w = Workloads.of(r).orElse(null);
      if (w == null) {
        continue;
      }
      for (Workload.ContainerRef c : w.containers()) {
        Component comp = recognise(r, c);
        if (comp != null) {
          found.computeIfAbsent(comp, k -> new ArrayList<>()).add(instance(comp, r, c));
        }
      }
    }
    found.replaceAll((k, v) -> List.copyOf(v));
    List<Resource> kubelets = inventory.ofKind("KubeletConfiguration");
    return new ControlPlane(found, List.copyOf(kubelets));
  }

  private static Component recognise(Resource pod, Workload.ContainerRef c) {
    List<String> command = c.container().getCommand();
    String first = command == null || command.isEmpty() ? null : command.get(0);
    for (Component comp : Component.values()) {
      String name = comp.binary();
      if (first != null && (first.equals(name) || first.endsWith("/" + name))) {
        return comp;
      }
    }
    String label = pod.labels().get("component");
    for (Component comp : Component.values()) {
      if (comp.binary().equals(label) && comp.binary().equals(c.name())) {
        return comp;
      }
    }
    return null;
  }

  private static Instance instance(Component comp, Resource pod, Workload.ContainerRef c) {
    Map<String, String> flags = new LinkedHashMap<>();
    Map<String, FieldPath> paths = new LinkedHashMap<>();
    parse(c.container().getCommand(), c.path().child("command"), flags, paths);
    parse(c.container().getArgs(), c.path().child("args"), flags, paths);
    return new Instance(comp, pod, c, Collections.unmodifiableMap(flags), Collections.unmodifiableMap(paths));
  }

  private static void parse(List<String> args, FieldPath base, Map<String, String> flags,
      Map<String, FieldPath> paths) {
    if (args == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a == null || !a.startsWith("-")) {
        continue;
      }
      String body = a.replaceFirst("^--?", "");
      int eq = body.indexOf('=');
      String name;
      String value;
      if (eq >= 0) {
        name = body.substring(0, eq);
        value = body.substring(eq + 1);
      } else if (i + 1 < args.size() && args.get(i + 1) != null && !args.get(i + 1).startsWith("-")) {
        name = body;
        value = args.get(i + 1);
      } else {
        name = body;
        value = "true";
      }
      flags.put(name, value);
      paths.put(name, base.index(i));
    }
  }

  /** Instances of {@code component} in input order; empty when it is not visible. */
  public List<Instance> instances(Component component) {
    return instances.getOrDefault(component, List.of());
  }

  /** True when any control-plane component is visible. */
  public boolean isVisible() {
    return !instances.isEmpty();
  }

  /** KubeletConfiguration objects given as input (kubelet.config.k8s.io). */
  public List<Resource> kubeletConfigs() {
    return kubeletConfigs;
  }
}
