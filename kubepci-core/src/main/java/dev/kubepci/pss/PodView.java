package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A pod's metadata and spec together with the paths at which they sit in the evaluated object. */
final class PodView {
  private final Map<String, String> annotations;
  private final String metadataPath;
  private final PodSpec spec;
  private final String specPath;
  private final List<ContainerView> containers;

  PodView(ObjectMeta metadata, String metadataPath, PodSpec spec, String specPath) {
    Map<String, String> found = metadata == null ? null : metadata.getAnnotations();
    this.annotations = found == null ? Map.of() : Collections.unmodifiableMap(found);
    this.metadataPath = metadataPath == null ? "" : metadataPath;
    this.spec = spec == null ? new PodSpec() : spec;
    this.specPath = specPath == null ? "" : specPath;
    this.containers = visitOrder(this.spec, this.specPath);
  }

  // Upstream's visitor walks init containers, then containers, then ephemeral containers.
  private static List<ContainerView> visitOrder(PodSpec spec, String specPath) {
    List<ContainerView> views = new ArrayList<>();
    List<Container> init = spec.getInitContainers();
    for (int i = 0; init != null && i < init.size(); i++) {
      views.add(ContainerView.of(init.get(i), join(specPath, "initContainers[" + i + "]")));
    }
    List<Container> regular = spec.getContainers();
    for (int i = 0; regular != null && i < regular.size(); i++) {
      views.add(ContainerView.of(regular.get(i), join(specPath, "containers[" + i + "]")));
    }
    List<EphemeralContainer> ephemeral = spec.getEphemeralContainers();
    for (int i = 0; ephemeral != null && i < ephemeral.size(); i++) {
      views.add(
          ContainerView.of(ephemeral.get(i), join(specPath, "ephemeralContainers[" + i + "]")));
    }
    return List.copyOf(views);
  }

  Map<String, String> annotations() {
    return annotations;
  }

  PodSpec spec() {
    return spec;
  }

  /** The pod-level security context, or null when unset. */
  PodSecurityContext securityContext() {
    return spec.getSecurityContext();
  }

  List<ContainerView> containers() {
    return containers;
  }

  List<Volume> volumes() {
    return spec.getVolumes() == null ? List.of() : spec.getVolumes();
  }

  /** Windows pods are exempt from some restricted checks from v1.25 (upstream: spec.os.name). */
  boolean isWindows() {
    return spec.getOs() != null && "windows".equals(spec.getOs().getName());
  }

  /** A pod that runs in its own user namespace ({@code hostUsers: false}). */
  boolean usesUserNamespace() {
    return Boolean.FALSE.equals(spec.getHostUsers());
  }

  /**
   * One security-context field where it is set: the pod's security context, then each container's in visit order,
   * leaving out those that do not set it (a null value or no security context).
   *
   * @param field the field's path below {@code securityContext}, e.g. {@code runAsUser}
   */
  <T> List<Setting<T>> settings(String field, Function<PodSecurityContext, T> atPod,
      Function<SecurityContext, T> inContainer) {
    List<Setting<T>> out = new ArrayList<>();
    T value = securityContext() == null ? null : atPod.apply(securityContext());
    if (value != null) {
      out.add(new Setting<>(value, podSecurityContextPath(field), "pod"));
    }
    for (ContainerView c : containers) {
      value = c.securityContext() == null ? null : inContainer.apply(c.securityContext());
      if (value != null) {
        out.add(new Setting<>(value, c.securityContextPath(field), c.label()));
      }
    }
    return out;
  }

  /**
   * A security-context field's value where it is set.
   *
   * @param path where it is set
   * @param setter who sets it, as upstream's messages name it: {@code pod} or {@code container "name"}
   */
  record Setting<T>(T value, String path, String setter) {}

  /** Path of a field of the pod spec, e.g. {@code specPath("hostNetwork")}. */
  String specPath(String field) {
    return join(specPath, field);
  }

  /** Path of a field of the pod-level security context. */
  String podSecurityContextPath(String field) {
    return join(specPath, "securityContext." + field);
  }

  /** Path of one annotation, in the {@code annotations[key]} form of Kubernetes field paths. */
  String annotationPath(String key) {
    return join(metadataPath, "annotations[" + key + "]");
  }

  private static String join(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }
}
