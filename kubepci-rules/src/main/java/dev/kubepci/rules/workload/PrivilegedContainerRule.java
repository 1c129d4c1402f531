package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;

/** Flags containers that run in privileged mode. */
@RuleInfo(id = "KPCI-0001", name = "privileged-container", severity = Severity.CRITICAL)
public final class PrivilegedContainerRule implements ContainerRule {
  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    var sc = c.container().getSecurityContext();
    if (sc == null || !Boolean.TRUE.equals(sc.getPrivileged())) {
      return List.of();
    }
    return List.of(Violation.at(c.path().child("securityContext").child("privileged"), true,
        c.describe() + " runs privileged"));
  }
}
