package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import java.util.List;

/**
 * {@code allowPrivilegeEscalation} (from v1.8): every container must explicitly set {@code
 * allowPrivilegeEscalation: false}; leaving it unset means true.
 */
final class AllowPrivilegeEscalationCheck {
  static final String ID = "allowPrivilegeEscalation";

  private AllowPrivilegeEscalationCheck() {}

  static PssCheck definition() {
    return new PssCheck(
        ID,
        PssLevel.RESTRICTED,
        List.of(
            since(8, AllowPrivilegeEscalationCheck::v1Dot8),
            since(25, AllowPrivilegeEscalationCheck::v1Dot25)));
  }

  private static void v1Dot8(PodView pod, Findings findings) {
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

  // Windows has no privilege escalation to prevent and the API rejects the field there.
  private static void v1Dot25(PodView pod, Findings findings) {
    if (!pod.isWindows()) {
      v1Dot8(pod, findings);
    }
  }
}
