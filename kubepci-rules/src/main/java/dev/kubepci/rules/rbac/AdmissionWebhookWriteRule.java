package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may change admission webhooks and admission policies. */
@RuleInfo(id = "KPCI-0208", name = "rbac-admission-webhook-write", severity = Severity.HIGH, reads = {"ClusterRole",
    "ClusterRoleBinding", "RoleBinding"})
public final class AdmissionWebhookWriteRule implements RiskyGrantRule {
  private static final RiskyGrants.Family FAMILY = RiskyGrants.Family.of("rbac-admission-writers",
      "Subjects that may change admission webhooks or policies", RiskyGrants.writes("admissionregistration.k8s.io",
          List.of("validatingwebhookconfigurations", "mutatingwebhookconfigurations", "validatingadmissionpolicies",
              "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings")));

  @Override
  public RiskyGrants.Family family(Inventory inventory) {
    return FAMILY;
  }
}
