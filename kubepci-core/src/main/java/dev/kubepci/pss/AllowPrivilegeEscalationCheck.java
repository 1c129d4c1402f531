package dev.kubepci.pss;

/**
 * {@code allowPrivilegeEscalation} (from v1.8): every container must explicitly set {@code
 * allowPrivilegeEscalation: false}; leaving it unset means true.
 */
final class AllowPrivilegeEscalationCheck {
  private AllowPrivilegeEscalationCheck() {}

  static void v1Dot8(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() == null
          || !Boolean.FALSE.equals(c.securityContext().getAllowPrivilegeEscalation())) {
        findings.add(
            c.securityContextPath("allowPrivilegeEscalation"),
            "allowPrivilegeEscalation != false",
            c.label() + " must set securityContext.allowPrivilegeEscalation=false");
      }
    }
  }
}
