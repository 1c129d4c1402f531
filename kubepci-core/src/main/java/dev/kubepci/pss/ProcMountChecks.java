package dev.kubepci.pss;

/**
 * {@code procMount}: the default /proc masks must be kept. From v1.35 baseline admits any
 * procMount for pods in their own user namespace ({@code hostUsers: false}), while {@code
 * procMount_restricted} keeps the unconditional rule at the restricted level.
 */
final class ProcMountChecks {
  private ProcMountChecks() {}

  static void defaultOnly(PodView pod, Findings findings) {
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() == null) {
        continue;
      }
      String procMount = c.securityContext().getProcMount();
      if (procMount != null && !procMount.equals("Default")) {
        findings.add(
            c.securityContextPath("procMount"),
            "procMount",
            c.label() + " must not set securityContext.procMount to " + Text.quote(procMount));
      }
    }
  }
}
