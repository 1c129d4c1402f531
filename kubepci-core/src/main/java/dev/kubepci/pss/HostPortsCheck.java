package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.List;

/** {@code hostPorts}: any non-zero hostPort is forbidden; there is no allowed range. */
final class HostPortsCheck {
  private HostPortsCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      List<ContainerPort> ports = c.ports();
      for (int j = 0; j < ports.size(); j++) {
        Integer hostPort = ports.get(j).getHostPort();
        if (hostPort != null && hostPort != 0) {
          findings.add(
              c.path() + ".ports[" + j + "].hostPort",
              "hostPort",
              c.label() + " uses hostPort " + hostPort);
        }
      }
    }
  }
}
