package dev.kubepci.rules.auth;

import dev.kubepci.model.Resource;
import dev.kubepci.rule.ResourceRule;

/**
 * The template of the kubeconfig rules: each checks one kind of entry of the kubeconfig given with
 * {@code scan --kubeconfig-file} (its users or its clusters), and is not applicable without a kubeconfig.
 */
interface KubeconfigEntryRule extends ResourceRule {
  /** {@code KubeconfigUser} or {@code KubeconfigCluster}. */
  String entryKind();

  @Override
  default boolean appliesTo(Resource resource) {
    return resource.kind().equals(entryKind());
  }

  @Override
  default String nothingToCheck() {
    return KubeconfigEntries.NO_KUBECONFIG;
  }

  /** A rule on each user of the kubeconfig. */
  interface User extends KubeconfigEntryRule {
    @Override
    default String entryKind() {
      return "KubeconfigUser";
    }
  }

  /** A rule on each cluster of the kubeconfig. */
  interface Cluster extends KubeconfigEntryRule {
    @Override
    default String entryKind() {
      return "KubeconfigCluster";
    }
  }
}
