package dev.kubepci.rule;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import java.util.Map;
import java.util.Optional;

/**
 * Why a component rule cannot run when its component is not in the input: on a managed cluster the provider runs it
 * and only the provider's API shows its settings; on a self-managed one the manifests (or mirror pods, or kubelet
 * configuration files) must be given. The reason names what an assessor collects instead: per provider, the rule's
 * texts say what shows the same control on that service (its {@code managed} entry in {@code rules.yaml}).
 */
@FunctionalInterface
public interface NotVisible {
  /** The wordings a rule names in {@link EachInstance}. */
  enum Wording {
    /** {@link #collect()}. */
    COLLECT,
    /** {@link #providerSettings()}. */
    PROVIDER_SETTINGS;

    NotVisible notVisible() {
      return this == COLLECT ? collect() : providerSettings();
    }
  }

  /**
   * The NOT_ASSESSED reason for {@code component} (its binary name, e.g. {@code kube-apiserver}).
   *
   * @param managed per provider, the setting or API that shows the same control on that service (from the rule's
   *     texts; empty when they name none)
   */
  String reason(Inventory inventory, String component, Map<ManagedProvider, String> managed);

  /**
   * "EKS runs the control plane, so kube-apiserver is not visible: collect ... (aws eks describe-cluster ...)", or
   * that the manifests are missing.
   */
  static NotVisible collect() {
    return (inventory, component, evidence) -> {
      Optional<ManagedProvider> provider = ManagedProvider.of(inventory);
      if (provider.isPresent()) {
        ManagedProvider p = provider.get();
        String what = evidence.getOrDefault(p, "the provider's documentation of the " + component + " settings");
        return p.title() + " runs the control plane, so " + component + " is not visible: collect " + what + " ("
            + p.describeCommand() + ")";
      }
      return "control-plane manifests or mirror pods not in the input (" + component + ")";
    };
  }

  /**
   * "the cluster runs on EKS, whose kube-apiserver is managed by the provider ...; collect ... with: ...", or that no
   * static pod or mirror pod is in the input.
   */
  static NotVisible providerSettings() {
    return (inventory, component, settings) -> {
      Optional<ManagedProvider> provider = ManagedProvider.of(inventory);
      if (provider.isPresent()) {
        ManagedProvider p = provider.get();
        return "the cluster runs on " + p.title() + ", whose " + component + " is managed by the provider and not "
            + "visible in Kubernetes; collect " + settings.getOrDefault(p, "the provider's settings") + " with: "
            + p.describeCommand();
      }
      return "no " + component + " static pod or mirror pod is in the input; add the control-plane manifests "
          + "(/etc/kubernetes/manifests) or the kube-system pods";
    };
  }

  /** No KubeletConfiguration is in the input: collect each node's, showing {@code field}. */
  static NotVisible kubeletField(String field) {
    return (inventory, component, managed) -> {
      String collect = "collect each node's kubelet configuration (/var/lib/kubelet/config.yaml, or `kubectl get "
          + "--raw /api/v1/nodes/<node>/proxy/configz`) showing " + field;
      return ManagedProvider.of(inventory)
          .map(p -> p.title() + " manages the node configuration and no KubeletConfiguration is in the input: "
              + collect)
          .orElse("no KubeletConfiguration in the input: " + collect);
    };
  }
}
