package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.Components;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Flags ports that serve without authentication or TLS: the API server's insecure port, the insecure ports of the
 * controller manager and scheduler of older releases, and the kubelet's read-only port (10255). What is visible is
 * checked; a clean result with the API server or the kubelet configurations missing from the input is NOT_ASSESSED.
 */
@RuleInfo(id = "KPCI-0225", name = "insecure-ports", severity = Severity.HIGH)
public final class InsecurePortsRule implements ComponentRule<Object> {
  private static final Components<Object> COMPONENTS = Components.anyOf(List.of(
      Components.of(ControlPlane.Component.KUBE_APISERVER),
      Components.of(ControlPlane.Component.KUBE_CONTROLLER_MANAGER, ControlPlane.Component.KUBE_SCHEDULER).unnamed(),
      Components.kubelets()), "kube-apiserver, kubelet", NotVisible.collect(),
      "no control-plane component or kubelet configuration in the input", "no insecure port found");

  @Override
  public Components<Object> components() {
    return COMPONENTS;
  }

  @Override
  public List<Violation> check(Object instance, RuleContext context) {
    if (instance instanceof Resource kubelet) {
      Object port = kubelet.field("readOnlyPort").orElse(null);
      String seen = port == null ? null : String.valueOf(port);
      return seen == null || "0".equals(seen) ? List.of() : List.of(Violation.at(FieldPath.root()
          .child("readOnlyPort"), seen, "the kubelet serves pod and node information without authentication on "
          + "read-only port " + seen));
    }
    ControlPlane.Instance i = (ControlPlane.Instance) instance;
    boolean api = i.component() == ControlPlane.Component.KUBE_APISERVER;
    Optional<String> port = i.flag(api ? "insecure-port" : "port");
    if (port.isEmpty() || "0".equals(port.get().trim())) {
      return List.of();
    }
    if (api) {
      return List.of(Violation.at(i.pathOf("insecure-port"), port.get(), "kube-apiserver serves "
          + "unauthenticated, unencrypted requests on insecure port " + port.get()
          + i.flag("insecure-bind-address").map(a -> " bound to " + a).orElse("")).withSeverity(Severity.CRITICAL));
    }
    return List.of(Violation.at(i.pathOf("port"), port.get(), i.component().binary() + " serves unauthenticated "
        + "HTTP on insecure port " + port.get()));
  }
}
