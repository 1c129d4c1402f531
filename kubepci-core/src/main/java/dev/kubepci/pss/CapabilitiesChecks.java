package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.Capabilities;
import java.util.List;
import java.util.Set;

/**
 * {@code capabilities_baseline}: only the container runtime's default capabilities may be added.
 * {@code capabilities_restricted}: every capability must be dropped and only NET_BIND_SERVICE
 * added back.
 */
final class CapabilitiesChecks {
  private static final Set<String> BASELINE_ALLOWED_ADD =
      Set.of(
          "AUDIT_WRITE",
          "CHOWN",
          "DAC_OVERRIDE",
          "FOWNER",
          "FSETID",
          "KILL",
          "MKNOD",
          "NET_BIND_SERVICE",
          "SETFCAP",
          "SETGID",
          "SETPCAP",
          "SETUID",
          "SYS_CHROOT");
  private static final String ALL = "ALL";
  private static final String NET_BIND_SERVICE = "NET_BIND_SERVICE";

  private CapabilitiesChecks() {}

  static void baselineV1Dot0(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      List<String> added = added(c);
      for (int j = 0; j < added.size(); j++) {
        if (!BASELINE_ALLOWED_ADD.contains(added.get(j))) {
          flagAdd(findings, "non-default capabilities", c, j, added.get(j));
        }
      }
    }
  }

  static void restrictedV1Dot22(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      Capabilities caps = c.securityContext() == null ? null : c.securityContext().getCapabilities();
      List<String> dropped = caps == null || caps.getDrop() == null ? List.of() : caps.getDrop();
      // Upstream compares the literal "ALL": a lower-case "all" does not count as dropping all.
      if (!dropped.contains(ALL)) {
        findings.add(
            c.securityContextPath("capabilities.drop"),
            "unrestricted capabilities",
            c.label() + " must set securityContext.capabilities.drop=[\"ALL\"]");
      }
      List<String> added = added(c);
      for (int j = 0; j < added.size(); j++) {
        if (!NET_BIND_SERVICE.equals(added.get(j))) {
          flagAdd(findings, "unrestricted capabilities", c, j, added.get(j));
        }
      }
    }
  }

  private static List<String> added(ContainerView c) {
    if (c.securityContext() == null || c.securityContext().getCapabilities() == null) {
      return List.of();
    }
    List<String> add = c.securityContext().getCapabilities().getAdd();
    // A null entry (`add: [~]`) stands for the empty name, as Go would decode it.
    return add == null ? List.of() : add.stream().map(a -> a == null ? "" : a).toList();
  }

  private static void flagAdd(
      Findings findings, String reason, ContainerView c, int index, String capability) {
    findings.add(
        c.securityContextPath("capabilities.add[" + index + "]"),
        reason,
        c.label() + " must not include " + Text.quote(capability)
            + " in securityContext.capabilities.add");
  }
}
