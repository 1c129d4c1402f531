package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.Components;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Set;

/**
 * Checks that kube-controller-manager and kube-scheduler serve their APIs (health, metrics, profiling) on the
 * loopback address only: their --bind-address defaults to 0.0.0.0, which publishes ports 10257 and 10259 on every
 * interface of the control-plane node.
 */
@RuleInfo(id = "KPCI-0317", name = "control-plane-bind-address", severity = Severity.MEDIUM)
public final class ControlPlaneBindAddressRule implements ComponentRule<ControlPlane.Instance> {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "localhost");

  @Override
  public Components<ControlPlane.Instance> components() {
    return Components.of(
        List.of(ControlPlane.Component.KUBE_CONTROLLER_MANAGER, ControlPlane.Component.KUBE_SCHEDULER),
        ControlPlane.Component.KUBE_SCHEDULER, NotVisible.providerSettings(),
        "no controller manager or scheduler in the input");
  }

  @Override
  public List<Violation> check(ControlPlane.Instance i, RuleContext context) {
    String address = i.flag("bind-address").orElse(null);
    if (address != null && LOOPBACK.contains(address)) {
      return List.of();
    }
    return List.of(Violation.at(i.pathOf("bind-address"), address == null ? null : "--bind-address=" + address,
        i.component().binary() + " listens on every interface (--bind-address " + (address == null
            ? "defaults to 0.0.0.0" : "is " + address) + ")"));
  }
}
