package dev.kubepci.rules.auth;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachKubelet;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Checks each KubeletConfiguration's authorization mode: Webhook (the file's default) asks the API server; AlwaysAllow
 * lets every authenticated caller use the whole kubelet API.
 */
@RuleInfo(id = "KPCI-0228", name = "kubelet-authorization", severity = Severity.CRITICAL)
@EachKubelet(showing = "authorization.mode", overriddenBy = "--authorization-mode")
public final class KubeletAuthorizationRule implements ComponentRule<Resource> {
  @Override
  public List<Violation> check(Resource kubelet, RuleContext context) {
    Optional<String> mode = kubelet.string("authorization", "mode");
    if (mode.isPresent() && !"Webhook".equals(mode.get())) {
      return List.of(Violation.at(FieldPath.parse("authorization.mode"), mode.get(),
          "the kubelet authorizes requests with mode " + mode.get() + " instead of asking the API server"));
    }
    return List.of();
  }
}
