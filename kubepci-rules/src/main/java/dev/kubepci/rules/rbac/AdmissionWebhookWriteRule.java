package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import java.util.List;

/** Flags subjects that may change admission webhooks and admission policies. */
@RuleInfo(
    id = "KPCI-0208",
    name = "rbac-admission-webhook-write",
    title = "Users and workloads cannot change admission webhooks or policies",
    severity = Severity.HIGH,
    rationale = "Admission webhooks and admission policies enforce the cluster's security rules and see every "
        + "object written, Secrets included. Whoever can change them can switch enforcement off, exempt their own "
        + "workloads, or send every request to a server they control.",
    remediation = "Keep write access to validating and mutating webhook configurations and admission policies for "
        + "the platform team's deployment pipeline, and alert on every change to them.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/"},
    reads = {"ClusterRole", "ClusterRoleBinding", "RoleBinding"})
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
