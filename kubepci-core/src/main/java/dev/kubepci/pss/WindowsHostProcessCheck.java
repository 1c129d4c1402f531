package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
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
    for (PodView.Setting<WindowsSecurityContextOptions> s : pod.settings("windowsOptions.hostProcess",
        PodSecurityContext::getWindowsOptions, SecurityContext::getWindowsOptions)) {
      if (Boolean.TRUE.equals(s.value().getHostProcess())) {
        findings.add(s.path(), "hostProcess",
            s.setter() + " must not set securityContext.windowsOptions.hostProcess=true");
      }
    }
  }
}
