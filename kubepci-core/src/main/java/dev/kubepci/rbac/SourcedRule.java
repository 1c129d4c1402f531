package dev.kubepci.rbac;

/**
 * A rule of a role with where it is written: the role and the index in its {@code rules}. For an aggregated
 * ClusterRole the origin is the ClusterRole the rule was collected from.
 *
 * @param kubernetesDefault true when the origin role was not in the input and kubepci used the Kubernetes default
 */
public record SourcedRule(PolicyRule rule, RoleId origin, int index, boolean kubernetesDefault) {

  /** {@code ClusterRole/edit rules[2]}, with "(Kubernetes default)" when not read from the input. */
  public String describeOrigin() {
    return origin.display() + " rules[" + index + "]" + (kubernetesDefault ? " (Kubernetes default)" : "");
  }
}
