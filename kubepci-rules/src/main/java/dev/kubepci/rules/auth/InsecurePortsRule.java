package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags ports that serve without authentication or TLS: the API server's insecure port, the insecure ports of the
 * controller manager and scheduler of older releases, and the kubelet's read-only port (10255). What is visible is
 * checked; a clean result with a component missing from the input is NOT_ASSESSED.
 */
@RuleInfo(
    id = "KPCI-0225",
    name = "insecure-ports",
    title = "No control-plane or kubelet port serves without authentication",
    severity = Severity.HIGH,
    rationale = "The API server's insecure port answers every request as an administrator without TLS or "
        + "authentication, and the kubelet's read-only port lists every pod of the node with its configuration to "
        + "anyone on the network. Neither leaves a trace of who asked.",
    remediation = "Remove --insecure-port and --insecure-bind-address from kube-apiserver (or set the port to 0), "
        + "remove --port from kube-controller-manager and kube-scheduler on old releases, and set readOnlyPort: 0 "
        + "in every KubeletConfiguration; read metrics through the authenticated ports instead.",
    references = {"https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/",
        "https://kubernetes.io/docs/concepts/security/controlling-access/"},
    reads = {"Pod", "Node", "KubeletConfiguration"})
public final class InsecurePortsRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    ControlPlane cp = ControlPlane.of(inventory);
    if (!cp.isVisible() && cp.kubeletConfigs().isEmpty()) {
      return Outcome.notAssessed(NotVisible.collect(Map.of(
          ManagedProvider.EKS, "the provider's statement on control-plane ports and each node group's kubelet "
              + "configuration (readOnlyPort)",
          ManagedProvider.AKS, "the provider's statement on control-plane ports and each node pool's kubelet "
              + "configuration (readOnlyPort)",
          ManagedProvider.GKE, "the node pools' kubeletConfig.insecureKubeletReadonlyPortEnabled setting")).reason(inventory, "kube-apiserver, kubelet"));
    }
    Outcome.Builder out = Outcome.builder();
    List<String> missing = new ArrayList<>();
    List<ControlPlane.Instance> apis = cp.instances(ControlPlane.Component.KUBE_APISERVER);
    if (apis.isEmpty()) {
      missing.add("kube-apiserver");
    }
    for (ControlPlane.Instance api : apis) {
      Optional<String> port = api.flag("insecure-port");
      if (port.isPresent() && !"0".equals(port.get().trim())) {
        out.fail(api.pod(), Violation.at(api.pathOf("insecure-port"), port.get(), "kube-apiserver serves "
            + "unauthenticated, unencrypted requests on insecure port " + port.get()
            + api.flag("insecure-bind-address").map(a -> " bound to " + a).orElse("")).withSeverity(Severity.CRITICAL));
      } else {
        out.pass();
      }
    }
    for (ControlPlane.Component c : List.of(ControlPlane.Component.KUBE_CONTROLLER_MANAGER,
        ControlPlane.Component.KUBE_SCHEDULER)) {
      for (ControlPlane.Instance i : cp.instances(c)) {
        Optional<String> port = i.flag("port");
        if (port.isPresent() && !"0".equals(port.get().trim())) {
          out.fail(i.pod(), Violation.at(i.pathOf("port"), port.get(), c.binary() + " serves unauthenticated HTTP on "
              + "insecure port " + port.get()));
        } else {
          out.pass();
        }
      }
    }
    if (cp.kubeletConfigs().isEmpty()) {
      missing.add("KubeletConfiguration");
    }
    for (Resource kubelet : cp.kubeletConfigs()) {
      Object port = kubelet.field("readOnlyPort").orElse(null);
      String seen = port == null ? null : String.valueOf(port);
      if (seen != null && !"0".equals(seen)) {
        out.fail(kubelet, Violation.at(FieldPath.root().child("readOnlyPort"), seen, "the kubelet serves pod and "
            + "node information without authentication on read-only port " + seen));
      } else {
        out.pass();
      }
    }
    Outcome outcome = out.build("no control-plane component or kubelet configuration in the input");
    if (outcome.failures().isEmpty() && !missing.isEmpty()) {
      return Outcome.notAssessed("no insecure port found, but " + String.join(" and ", missing)
          + " not in the input");
    }
    return outcome;
  }
}
