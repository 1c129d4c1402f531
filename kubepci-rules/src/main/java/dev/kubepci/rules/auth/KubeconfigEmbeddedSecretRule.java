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
 * Flags kubeconfig users that carry a secret in the file itself: a private key (client-key-data), a bearer token,
 * a password, or auth-provider tokens. The value is shown only as a fingerprint.
 */
@RuleInfo(id = "KPCI-0231", name = "kubeconfig-embedded-credential", severity = Severity.HIGH,
    reads = {"kubepci.dev/KubeconfigUser"})
public final class KubeconfigEmbeddedSecretRule implements KubeconfigEntryRule.User {
  private static final List<String> FIELDS = List.of("client-key-data", "token", "password");

  @Override
  public List<Violation> check(Resource user, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    String who = KubeconfigEntries.describe(user);
    for (String field : FIELDS) {
      String redacted = KubeconfigEntries.value(user, field);
      if (redacted != null) {
        violations.add(Violation.at(KubeconfigEntries.base(user).child(field),
            Redaction.shown(redacted, context.redactionKey()),
            who + " embeds " + what(field) + " in the file"));
      }
    }
    for (String field : List.of("id-token", "refresh-token", "client-secret")) {
      user.string("spec", "user", "auth-provider", "config", field).ifPresent(redacted -> violations.add(
          Violation.at(KubeconfigEntries.base(user).child("auth-provider").child("config").child(field),
              Redaction.shown(redacted, context.redactionKey()),
              who + " embeds an auth-provider " + field + " in the file")));
    }
    return violations;
  }

  private static String what(String field) {
    return switch (field) {
      case "client-key-data" -> "a client private key";
      case "token" -> "a bearer token";
      default -> "a password";
    };
  }
}
