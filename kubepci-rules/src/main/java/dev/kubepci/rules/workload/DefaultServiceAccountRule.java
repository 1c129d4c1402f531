package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import java.util.List;

/**
 * Flags workloads that run as the namespace's {@code default} service account, whether by naming it or by leaving
 * serviceAccountName empty.
 */
@RuleInfo(id = "KPCI-0121", name = "default-service-account", severity = Severity.LOW)
public final class DefaultServiceAccountRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    if (!"default".equals(workload.serviceAccountName())) {
      return List.of();
    }
    String named = workload.podSpec().getServiceAccountName();
    FieldPath path = workload.podSpecPath().child("serviceAccountName");
    if (named == null || named.isEmpty()) {
      return List.of(Violation.at(path, null,
          "pods run as the default service account because serviceAccountName is not set"));
    }
    return List.of(Violation.at(path, named, "pods run as the namespace's default service account"));
  }
}
