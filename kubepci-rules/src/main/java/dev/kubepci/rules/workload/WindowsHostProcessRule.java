package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags Windows HostProcess pods and containers ({@code windowsOptions.hostProcess: true} at pod or container level),
 * which run directly on the Windows node with host access.
 */
@RuleInfo(id = "KPCI-0123", name = "windows-host-process", severity = Severity.HIGH)
public final class WindowsHostProcessRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    var pod = workload.podSpec().getSecurityContext();
    if (pod != null && isHostProcess(pod.getWindowsOptions())) {
      out.add(Violation.at(workload.podSpecPath().child("securityContext").child("windowsOptions")
          .child("hostProcess"), true, "pod runs as a Windows HostProcess on the node"));
    }
    for (Workload.ContainerRef c : workload.containers()) {
      SecurityContext sc = c.container().getSecurityContext();
      if (sc != null && isHostProcess(sc.getWindowsOptions())) {
        out.add(Violation.at(c.path().child("securityContext").child("windowsOptions").child("hostProcess"), true,
            c.describe() + " runs as a Windows HostProcess on the node"));
      }
    }
    return out;
  }

  private static boolean isHostProcess(WindowsSecurityContextOptions options) {
    return options != null && Boolean.TRUE.equals(options.getHostProcess());
  }
}
