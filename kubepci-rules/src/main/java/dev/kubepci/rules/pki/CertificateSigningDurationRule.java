package dev.kubepci.rules.pki;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.auth.FlagValues;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks the lifetime of certificates the controller manager signs through the CSR API
 * ({@code --cluster-signing-duration}, default one year): at most one year.
 */
@RuleInfo(id = "KPCI-0241", name = "certificate-signing-duration", severity = Severity.MEDIUM)
@EachInstance(of = ControlPlane.Component.KUBE_CONTROLLER_MANAGER, notVisible = NotVisible.Wording.COLLECT)
public final class CertificateSigningDurationRule implements ComponentRule<ControlPlane.Instance> {
  static final Duration LIMIT = Duration.ofHours(8760);

  @Override
  public List<Violation> check(ControlPlane.Instance cm, RuleContext context) {
    String flag = cm.flag("cluster-signing-duration").isPresent() ? "cluster-signing-duration"
        : "experimental-cluster-signing-duration";
    Optional<String> value = cm.flag(flag);
    if (value.isEmpty()) {
      context.note(cm.pod().ref().displayName() + ": --cluster-signing-duration not set; the default is 8760h");
      return List.of();
    }
    if (FlagValues.isDurationWithin(value.get(), LIMIT)) {
      return List.of();
    }
    return List.of(Violation.at(cm.pathOf(flag), value.get(), "kube-controller-manager signs certificates "
        + "valid for " + value.get() + ", longer than " + FlagValues.hours(LIMIT)));
  }
}
