package dev.kubepci.rbac;

import dev.kubepci.model.Resource;
import java.util.List;

/**
 * A Role or ClusterRole with its effective rules: its own, or for an aggregated ClusterRole the union of the rules
 * of the ClusterRoles its selectors match (transitively), each rule kept with the role it comes from.
 *
 * @param resource the object read from the input; null when kubepci supplied the Kubernetes default role
 * @param aggregated true when the role has an aggregationRule
 */
public record Role(RoleId id, Resource resource, List<SourcedRule> rules, boolean aggregated) {
  public Role {
    rules = List.copyOf(rules);
  }

  /** True when the input does not hold the role and kubepci used the Kubernetes default of that name. */
  public boolean kubernetesDefault() {
    return resource == null;
  }

  /** {@code ClusterRole/edit}, marked when it is the Kubernetes default rather than an object of the input. */
  public String display() {
    return id.display() + (kubernetesDefault() ? " (Kubernetes default)" : "");
  }
}
