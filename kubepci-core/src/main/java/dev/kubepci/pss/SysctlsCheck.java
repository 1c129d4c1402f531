package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import io.fabric8.kubernetes.api.model.Sysctl;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sysctls}: only namespaced sysctls known to be isolated between pods may be set. The safe
 * list grows with the policy version as the kubelet learns more safe sysctls.
 */
final class SysctlsCheck {
  private static final Set<String> SAFE_1_0 =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start");
  private static final Set<String> SAFE_1_27 = plus(SAFE_1_0, "net.ipv4.ip_local_reserved_ports");
  private static final Set<String> SAFE_1_29 =
      plus(
          SAFE_1_27,
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes");
  private static final Set<String> SAFE_1_32 =
      plus(SAFE_1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
  private static final Set<String> SAFE_1_37 =
      plus(SAFE_1_32, "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  static final List<PssCheck.Revision> REVISIONS =
      List.of(
          since(0, allowing(SAFE_1_0)),
          since(27, allowing(SAFE_1_27)),
          since(29, allowing(SAFE_1_29)),
          since(32, allowing(SAFE_1_32)),
          since(37, allowing(SAFE_1_37)));

  private SysctlsCheck() {}

  private static PssCheck.Rule allowing(Set<String> safe) {
    return (pod, findings) -> {
      if (pod.securityContext() == null || pod.securityContext().getSysctls() == null) {
        return;
      }
      List<Sysctl> sysctls = pod.securityContext().getSysctls();
      for (int i = 0; i < sysctls.size(); i++) {
        String name = sysctls.get(i).getName() == null ? "" : sysctls.get(i).getName();
        if (!safe.contains(name)) {
          findings.add(
              pod.podSecurityContextPath("sysctls[" + i + "].name"), "forbidden sysctls", name);
        }
      }
    };
  }

  private static Set<String> plus(Set<String> base, String... more) {
    Set<String> all = new HashSet<>(base);
    all.addAll(List.of(more));
    return Set.copyOf(all);
  }
}
