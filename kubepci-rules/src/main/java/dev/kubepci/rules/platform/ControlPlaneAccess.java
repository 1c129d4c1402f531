package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.rule.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why a control-plane check cannot run: on a managed cluster the components are the provider's and only its API
 * shows their settings; on a self-managed one the static pods (or mirror pods) must be in the input.
 */
final class ControlPlaneAccess {
  private ControlPlaneAccess() {}

  /**
   * NOT_ASSESSED when {@code component} cannot be read, naming the provider setting to collect instead.
   *
   * @param settings per provider, the setting that answers the question (e.g. EKS: "cluster.logging")
   */
  static Optional<Outcome> unavailable(Inventory inventory, ControlPlane.Component component,
      Map<ManagedProvider, String> settings) {
    Optional<ManagedProvider> provider = ManagedProvider.of(inventory);
    List<ControlPlane.Instance> instances = ControlPlane.of(inventory).instances(component);
    if (provider.isPresent() && instances.isEmpty()) {
      ManagedProvider p = provider.get();
      return Optional.of(Outcome.notAssessed("the cluster runs on " + p.title() + ", whose " + component.binary()
          + " is managed by the provider and not visible in Kubernetes; collect "
          + settings.getOrDefault(p, "the provider's settings") + " with: " + p.describeCommand()));
    }
    if (instances.isEmpty()) {
      return Optional.of(Outcome.notAssessed("no " + component.binary() + " static pod or mirror pod is in the input; "
          + "add the control-plane manifests (/etc/kubernetes/manifests) or the kube-system pods"));
    }
    return Optional.empty();
  }
}
