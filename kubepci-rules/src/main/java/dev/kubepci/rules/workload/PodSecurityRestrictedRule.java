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
 * Measures every pod spec against the controls the restricted Pod Security Standard adds to baseline (latest
 * version): privilege escalation, capabilities dropped, seccomp, volume types. Running as non-root is left to
 * KPCI-0006, which reads the pod and container settings together; baseline controls to KPCI-0100.
 */
@RuleInfo(id = "KPCI-0101", name = "pod-security-restricted", severity = Severity.MEDIUM)
public final class PodSecurityRestrictedRule implements WorkloadRule {
  /** Restricted checks reported by a dedicated rule instead. */
  static final Set<String> REPORTED_ELSEWHERE = Set.of("runAsNonRoot", "runAsUser");
  private static final Set<String> CHECKS = PodSecurityViolations.checks(PssLevel.RESTRICTED, REPORTED_ELSEWHERE);

  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    return PodSecurityViolations.of(workload, PssLevel.RESTRICTED, CHECKS);
  }
}
