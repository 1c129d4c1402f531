package dev.kubepci.pss;

/**
 * {@code runAsNonRoot}: the pod, or every container, must set {@code runAsNonRoot: true}, and
 * nothing may set it to false. From v1.35 pods in their own user namespace are exempt, since root
 * inside it is not root on the host.
 */
final class RunAsNonRootCheck {
  private static final String REASON = "runAsNonRoot != true";

  private RunAsNonRootCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    boolean podTrue = false;
    boolean explicitFalse = false;
    if (pod.securityContext() != null && pod.securityContext().getRunAsNonRoot() != null) {
      if (pod.securityContext().getRunAsNonRoot()) {
        podTrue = true;
      } else {
        explicitFalse = true;
        findings.add(
            pod.podSecurityContextPath("runAsNonRoot"),
            REASON,
            "pod must not set securityContext.runAsNonRoot=false");
      }
    }
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() != null && Boolean.FALSE.equals(c.securityContext().getRunAsNonRoot())) {
        explicitFalse = true;
        findings.add(
            c.securityContextPath("runAsNonRoot"),
            REASON,
            c.label() + " must not set securityContext.runAsNonRoot=false");
      }
    }
    if (explicitFalse || podTrue) {
      // As upstream: an explicit false is the whole story; inheriting containers are not
      // reported again.
      return;
    }
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() == null || c.securityContext().getRunAsNonRoot() == null) {
        findings.add(
            c.securityContextPath("runAsNonRoot"),
            REASON,
            "pod or " + c.label() + " must set securityContext.runAsNonRoot=true");
      }
    }
  }
}
