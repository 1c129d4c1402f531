package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import java.util.ArrayList;
import java.util.List;

/** Flags containers that run in privileged mode. */
@RuleInfo(
    id = "KPCI-0001",
    name = "privileged-container",
    title = "Containers do not run in privileged mode",
    severity = Severity.CRITICAL,
    rationale = "A privileged container has every capability and the host's devices, so it can take over the node "
        + "and everything scheduled on it. The guidance asks that workloads cannot reach the underlying node by "
        + "default and that privileged mode in particular is avoided.",
    remediation = "Remove securityContext.privileged or set it to false. If the workload truly needs a host "
        + "facility, grant the single capability or device it needs and record the exception.",
    references = {"https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline"})
public final class PrivilegedContainerRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      var sc = c.container().getSecurityContext();
      if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
        out.add(Violation.at(c.path().child("securityContext").child("privileged"), true,
            c.describe() + " runs privileged"));
      }
    }
    return out;
  }
}
