package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.List;
import java.util.Optional;

/**
 * Flags pods that receive an API token automatically: the pod does not opt out and neither does its service
 * account (the pod's setting wins when present, as in Kubernetes).
 */
@RuleInfo(id = "KPCI-0003", name = "automount-service-account-token", severity = Severity.MEDIUM,
    reads = {"ServiceAccount"})
public final class AutomountServiceAccountTokenRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    Boolean podSetting = workload.podSpec().getAutomountServiceAccountToken();
    var path = workload.podSpecPath().child("automountServiceAccountToken");
    if (Boolean.FALSE.equals(podSetting)) {
      return List.of();
    }
    String saName = workload.serviceAccountName();
    if (Boolean.TRUE.equals(podSetting)) {
      return List.of(Violation.at(path, true, "pod requests the API token of service account \"" + saName + "\""));
    }
    Optional<ServiceAccount> sa = context.inventory().get("ServiceAccount", workload.namespace(), saName)
        .flatMap(r -> r.as(ServiceAccount.class));
    if (sa.isPresent() && Boolean.FALSE.equals(sa.get().getAutomountServiceAccountToken())) {
      return List.of();
    }
    String why = sa.isPresent()
        ? "service account \"" + saName + "\" does not disable automounting either"
        : "service account \"" + saName + "\" is not in the input, and Kubernetes mounts its token by default";
    return List.of(Violation.at(path, null, "API token is mounted automatically: the pod does not opt out and " + why));
  }

}
