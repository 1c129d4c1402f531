package dev.kubepci.rules.auth;

import dev.kubepci.model.Resource;
import dev.kubepci.pki.Redaction;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags kubeconfig users that authenticate with credentials Kubernetes cannot revoke or tie to a second factor:
 * client certificates, static bearer tokens (inline or from a file) and passwords. Users with an exec credential
 * plugin or an auth provider (OIDC through the identity provider) pass.
 */
@RuleInfo(id = "KPCI-0230", name = "kubeconfig-non-revocable-credential", severity = Severity.HIGH,
    reads = {"kubepci.dev/KubeconfigUser"})
public final class KubeconfigCredentialRule implements KubeconfigEntryRule.User {
  @Override
  public List<Violation> check(Resource user, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    String who = KubeconfigEntries.describe(user);
    for (String field : List.of("client-certificate-data", "client-certificate")) {
      if (KubeconfigEntries.has(user, field)) {
        String subject = user.string("spec", "certificate", "subject").map(s -> " (" + s + ")").orElse("");
        violations.add(Violation.at(KubeconfigEntries.base(user).child(field), shown(user, field, context),
            who + " authenticates with a client certificate" + subject + ", which cannot be revoked"));
        break;
      }
    }
    for (String field : List.of("token", "tokenFile")) {
      if (KubeconfigEntries.has(user, field)) {
        violations.add(Violation.at(KubeconfigEntries.base(user).child(field), shown(user, field, context),
            who + " authenticates with a static bearer token"));
      }
    }
    if (KubeconfigEntries.has(user, "password") || KubeconfigEntries.has(user, "username")) {
      String field = KubeconfigEntries.has(user, "password") ? "password" : "username";
      violations.add(Violation.at(KubeconfigEntries.base(user).child(field), shown(user, field, context),
          who + " authenticates with a user name and password").withSeverity(Severity.CRITICAL));
    }
    return violations;
  }

  private static String shown(Resource user, String field, RuleContext context) {
    String v = KubeconfigEntries.value(user, field);
    return v == null ? "set" : Redaction.shown(v, context.redactionKey());
  }
}
