package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import java.util.List;

/** {@code privileged}: privileged containers are forbidden. */
final class PrivilegedCheck {
  static final String ID = "privileged";

  private PrivilegedCheck() {}

  static PssCheck definition() {
    return new PssCheck(ID, PssLevel.BASELINE, List.of(since(0, PrivilegedCheck::v1Dot0)));
  }

  private static void v1Dot0(PodView pod, Findings findings) {
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
