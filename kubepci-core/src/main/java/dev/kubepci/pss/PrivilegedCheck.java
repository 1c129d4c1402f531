package dev.kubepci.pss;

/** {@code privileged}: privileged containers are forbidden. */
final class PrivilegedCheck {
  private PrivilegedCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() != null && Boolean.TRUE.equals(c.securityContext().getPrivileged())) {
        findings.add(
            c.securityContextPath("privileged"),
            "privileged",
            c.label() + " must not set securityContext.privileged=true");
      }
    }
  }
}
