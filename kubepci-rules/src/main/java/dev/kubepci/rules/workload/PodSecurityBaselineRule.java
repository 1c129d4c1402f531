package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import java.util.List;
import java.util.Set;

/**
 * Measures every pod spec against the baseline Pod Security Standard at its latest version, check by check with the
 * upstream check ids. Privileged containers, host namespaces and Windows HostProcess are left to KPCI-0001,
 * KPCI-0002 and KPCI-0123, which report them with their own severity, so that no field is reported twice.
 */
@RuleInfo(id = "KPCI-0100", name = "pod-security-baseline", severity = Severity.HIGH)
public final class PodSecurityBaselineRule implements WorkloadRule {
  /** Baseline checks reported by a dedicated rule instead. */
  static final Set<String> REPORTED_ELSEWHERE = Set.of("privileged", "hostNamespaces", "windowsHostProcess");
  private static final Set<String> CHECKS = PodSecurityViolations.checks(PssLevel.BASELINE, REPORTED_ELSEWHERE);

  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    return PodSecurityViolations.of(workload, PssLevel.BASELINE, CHECKS);
  }
}
