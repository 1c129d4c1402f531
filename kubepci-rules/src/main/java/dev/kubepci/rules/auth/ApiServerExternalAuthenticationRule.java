package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the API server authenticates people through an external identity provider: OIDC flags, a JWT
 * AuthenticationConfiguration, or a token webhook. Whether that provider enforces MFA is evidence to collect.
 */
@RuleInfo(id = "KPCI-0222", name = "apiserver-external-authentication", severity = Severity.HIGH)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.COLLECT)
public final class ApiServerExternalAuthenticationRule implements ComponentRule<ControlPlane.Instance> {
  private static final List<String> EXTERNAL = List.of("oidc-issuer-url", "authentication-config",
      "authentication-token-webhook-config-file");

  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    Optional<String> external = EXTERNAL.stream().filter(f -> api.flag(f).isPresent()).findFirst();
    if (external.isEmpty()) {
      return List.of(Violation.at(api.pathOf("oidc-issuer-url"), null, "kube-apiserver has no external "
          + "identity provider (no --oidc-issuer-url, --authentication-config or "
          + "--authentication-token-webhook-config-file), so people cannot be required to use MFA"));
    }
    context.note(api.pod().ref().displayName() + ": external authentication through --" + external.get() + "="
        + api.flag(external.get()).get() + "; MFA enforcement is configured in the identity provider");
    api.flag("client-ca-file").ifPresent(ca -> context.note(api.pod().ref().displayName()
        + ": client certificates signed by " + ca + " are still accepted and bypass the identity provider"));
    return List.of();
  }
}
