package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;

/** {@code windowsHostProcess}: Windows HostProcess pods and containers are forbidden. */
final class WindowsHostProcessCheck {
  private WindowsHostProcessCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    for (PodView.Setting<WindowsSecurityContextOptions> s : pod.settings("windowsOptions.hostProcess",
        PodSecurityContext::getWindowsOptions, SecurityContext::getWindowsOptions)) {
      if (Boolean.TRUE.equals(s.value().getHostProcess())) {
        findings.add(s.path(), "hostProcess",
            s.setter() + " must not set securityContext.windowsOptions.hostProcess=true");
      }
    }
  }
}
