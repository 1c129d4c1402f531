package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import java.util.List;

/** {@code windowsHostProcess}: Windows HostProcess pods and containers are forbidden. */
final class WindowsHostProcessCheck {
  static final String ID = "windowsHostProcess";

  private WindowsHostProcessCheck() {}

  static PssCheck definition() {
    return new PssCheck(
        ID, PssLevel.BASELINE, List.of(since(0, WindowsHostProcessCheck::v1Dot0)));
  }

  private static void v1Dot0(PodView pod, Findings findings) {
    if (pod.securityContext() != null && hostProcess(pod.securityContext().getWindowsOptions())) {
      findings.add(
          pod.podSecurityContextPath("windowsOptions.hostProcess"),
          "hostProcess",
          "pod must not set securityContext.windowsOptions.hostProcess=true");
    }
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() != null && hostProcess(c.securityContext().getWindowsOptions())) {
        findings.add(
            c.securityContextPath("windowsOptions.hostProcess"),
            "hostProcess",
            c.label() + " must not set securityContext.windowsOptions.hostProcess=true");
      }
    }
  }

  private static boolean hostProcess(WindowsSecurityContextOptions options) {
    return options != null && Boolean.TRUE.equals(options.getHostProcess());
  }
}
