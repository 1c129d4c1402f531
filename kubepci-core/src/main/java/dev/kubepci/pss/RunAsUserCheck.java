package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;

/**
 * {@code runAsUser} (from v1.23): nothing may set {@code runAsUser: 0}. From v1.35 pods in their
 * own user namespace are exempt, since uid 0 inside it maps to an unprivileged host uid.
 */
final class RunAsUserCheck {
  private static final String REASON = "runAsUser=0";

  private RunAsUserCheck() {}

  static void v1Dot23(PodView pod, Findings findings) {
    for (PodView.Setting<Long> s : pod.settings("runAsUser", PodSecurityContext::getRunAsUser,
        SecurityContext::getRunAsUser)) {
      if (s.value() == 0L) {
        findings.add(s.path(), REASON, s.setter() + " must not set runAsUser=0");
      }
    }
  }
}
