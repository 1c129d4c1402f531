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
@RuleInfo(id = "KPCI-0001", name = "privileged-container", severity = Severity.CRITICAL)
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
