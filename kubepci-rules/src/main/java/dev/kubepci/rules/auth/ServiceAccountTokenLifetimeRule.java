package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the API server caps the lifetime of service-account tokens ({@code --service-account-max-token-expiration}
 * at most 24 hours) and does not silently extend the tokens it gives pods to a year
 * ({@code --service-account-extend-token-expiration}, true by default).
 */
@RuleInfo(id = "KPCI-0224", name = "serviceaccount-token-lifetime", severity = Severity.MEDIUM)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.COLLECT)
public final class ServiceAccountTokenLifetimeRule implements ComponentRule<ControlPlane.Instance> {
  static final Duration LIMIT = Duration.ofHours(24);

  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    Optional<String> max = api.flag("service-account-max-token-expiration");
    if (max.isEmpty()) {
      violations.add(Violation.at(api.pathOf("service-account-max-token-expiration"), null, "kube-apiserver does "
          + "not cap service-account token lifetime (--service-account-max-token-expiration not set)"));
    } else if (!FlagValues.isDurationWithin(max.get(), LIMIT)) {
      violations.add(Violation.at(api.pathOf("service-account-max-token-expiration"), max.get(), "kube-apiserver "
          + "allows service-account tokens valid for up to " + max.get() + ", longer than "
          + FlagValues.hours(LIMIT)));
    }
    Optional<String> extend = api.flag("service-account-extend-token-expiration");
    if (extend.isEmpty() || !FlagValues.isFalse(extend.get())) {
      violations.add(Violation.at(api.pathOf("service-account-extend-token-expiration"), extend.orElse(null),
          "kube-apiserver accepts the tokens it gives pods for a year (--service-account-extend-token-expiration "
              + extend.map(e -> "is " + e).orElse("not set; the default is true") + ")").withSeverity(Severity.LOW));
    }
    return violations;
  }
}
