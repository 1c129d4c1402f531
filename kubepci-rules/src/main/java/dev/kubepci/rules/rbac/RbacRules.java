package dev.kubepci.rules.rbac;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in RBAC rules, sorted by id. */
public final class RbacRules {
  private RbacRules() {}

  public static List<Rule> all() {
    return List.of(
        new ClusterAdminBindingRule(),
        new WildcardGrantRule(),
        new EscalationVerbsRule(),
        new SecretReadRule(),
        new WorkloadCreateRule(),
        new PodExecRule(),
        new NodeProxyRule(),
        new TokenCreateRule(),
        new CertificateApprovalRule(),
        new AdmissionWebhookWriteRule(),
        new PersistentVolumeCreateRule(),
        new RbacWriteRule(),
        new GenericAccountRule(),
        new AnonymousGrantRule(),
        new BroadGroupGrantRule(),
        new DefaultServiceAccountBindingRule());
  }
}
