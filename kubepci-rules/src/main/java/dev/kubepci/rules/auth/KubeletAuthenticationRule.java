package dev.kubepci.rules.auth;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachKubelet;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks each KubeletConfiguration: anonymous requests refused and webhook (API server) authentication on. Absent
 * fields take the configuration file's defaults (anonymous off, webhook on); command-line flags, which override the
 * file, are not visible and are listed as evidence to collect.
 */
@RuleInfo(id = "KPCI-0227", name = "kubelet-authentication", severity = Severity.HIGH)
@EachKubelet(showing = "authentication.anonymous.enabled and authentication.webhook.enabled",
    overriddenBy = {"--anonymous-auth", "--authentication-token-webhook"})
public final class KubeletAuthenticationRule implements ComponentRule<Resource> {
  @Override
  public List<Violation> check(Resource kubelet, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    Optional<Object> anonymous = kubelet.field("authentication", "anonymous", "enabled");
    if (anonymous.isPresent() && FlagValues.isTrue(String.valueOf(anonymous.get()))) {
      violations.add(Violation.at(FieldPath.parse("authentication.anonymous.enabled"), anonymous.get(),
          "the kubelet serves anonymous requests"));
    }
    Optional<Object> webhook = kubelet.field("authentication", "webhook", "enabled");
    if (webhook.isPresent() && FlagValues.isFalse(String.valueOf(webhook.get()))) {
      violations.add(Violation.at(FieldPath.parse("authentication.webhook.enabled"), webhook.get(),
          "the kubelet does not check bearer tokens with the API server").withSeverity(Severity.MEDIUM));
    }
    return violations;
  }
}
