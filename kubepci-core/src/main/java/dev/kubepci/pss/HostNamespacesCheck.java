package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.PodSpec;

/** {@code hostNamespaces}: sharing the host's network, PID or IPC namespace is forbidden. */
final class HostNamespacesCheck {
  private HostNamespacesCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    PodSpec spec = pod.spec();
    flag(pod, findings, "hostNetwork", spec.getHostNetwork());
    flag(pod, findings, "hostPID", spec.getHostPID());
    flag(pod, findings, "hostIPC", spec.getHostIPC());
  }

  private static void flag(PodView pod, Findings findings, String field, Boolean value) {
    if (Boolean.TRUE.equals(value)) {
      findings.add(pod.specPath(field), "host namespaces", field + "=true");
    }
  }
}
