package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import java.util.List;

/**
 * {@code procMount}: the default /proc masks must be kept. From v1.35 baseline admits any
 * procMount for pods in their own user namespace ({@code hostUsers: false}), while {@code
 * procMount_restricted} keeps the unconditional rule at the restricted level.
 */
final class ProcMountChecks {
  static final String BASELINE_ID = "procMount";
  static final String RESTRICTED_ID = "procMount_restricted";

  private ProcMountChecks() {}

  static PssCheck baseline() {
    return new PssCheck(
        BASELINE_ID,
        PssLevel.BASELINE,
        List.of(
            since(0, ProcMountChecks::defaultOnly),
            since(35, ProcMountChecks::baselineV1Dot35)));
  }

  static PssCheck restricted() {
    return new PssCheck(
        RESTRICTED_ID,
        PssLevel.RESTRICTED,
        List.of(since(35, ProcMountChecks::defaultOnly, BASELINE_ID)));
  }

  private static void baselineV1Dot35(PodView pod, Findings findings) {
    // Within a user namespace the unmasked /proc cannot reach the host; the API server still
    // validates that the value is well formed.
    if (!pod.usesUserNamespace()) {
      defaultOnly(pod, findings);
    }
  }

  private static void defaultOnly(PodView pod, Findings findings) {
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
