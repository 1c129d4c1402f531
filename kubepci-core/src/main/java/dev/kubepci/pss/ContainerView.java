package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;

/**
 * The fields the checks read from a container, init container or ephemeral container. The
 * fabric8 model has no common type for {@link Container} and {@link EphemeralContainer}, while
 * upstream treats all three alike.
 *
 * @param path dotted path of the container itself, e.g. {@code spec.initContainers[0]}
 */
record ContainerView(
    String name,
    String path,
    SecurityContext securityContext,
    List<ContainerPort> ports,
    Probe livenessProbe,
    Probe readinessProbe,
    Probe startupProbe,
    Lifecycle lifecycle) {

  /** Absent names and port lists read as empty. */
  ContainerView {
    name = name == null ? "" : name;
    ports = ports == null ? List.of() : ports;
  }

  static ContainerView of(Container c, String path) {
    return new ContainerView(c.getName(), path, c.getSecurityContext(), c.getPorts(), c.getLivenessProbe(),
        c.getReadinessProbe(), c.getStartupProbe(), c.getLifecycle());
  }

  static ContainerView of(EphemeralContainer c, String path) {
    return new ContainerView(c.getName(), path, c.getSecurityContext(), c.getPorts(), c.getLivenessProbe(),
        c.getReadinessProbe(), c.getStartupProbe(), c.getLifecycle());
  }

  /** Path of a field below this container's securityContext. */
  String securityContextPath(String field) {
    return path + ".securityContext." + field;
  }

  /** {@code container "name"}, the way upstream names a container in its messages. */
  String label() {
    return "container " + Text.quote(name);
  }
}
