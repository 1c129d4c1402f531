package dev.kubepci.netpol;

import dev.kubepci.model.Resource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A network policy of any language, normalised: the pods it selects, the directions it applies to, and its rules per
 * direction in evaluation order.
 *
 * @param namespace null for cluster-wide policies (Calico GlobalNetworkPolicy, CiliumClusterwideNetworkPolicy)
 * @param tier Calico tier ({@code default} for everything else)
 * @param order Calico order; policies without one sort last
 * @param selects which pods the policy applies to
 * @param selector the selector as written, for reports
 * @param directions the directions the policy applies to (policyTypes, Calico types, Cilium rule sections)
 * @param isolating the directions in which a selected pod becomes default-deny; differs from {@code directions} only
 *     for Cilium policies with {@code enableDefaultDeny} false
 */
public record Policy(
    Resource source, PolicyKind kind, String namespace, String tier, double order, Predicate<PodEndpoint> selects,
    String selector, Set<Direction> directions, Set<Direction> isolating, Map<Direction, List<PolicyRule>> rules) {

  public static final String DEFAULT_TIER = "default";

  public Policy {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    directions = Set.copyOf(directions);
    isolating = Set.copyOf(isolating);
    Map<Direction, List<PolicyRule>> copy = new EnumMap<>(Direction.class);
    for (Direction d : Direction.values()) {
      copy.put(d, List.copyOf(rules.getOrDefault(d, List.of())));
    }
    rules = copy;
  }

  public List<PolicyRule> rules(Direction d) {
    return rules.get(d);
  }

  public boolean appliesTo(PodEndpoint pod, Direction d) {
    return directions.contains(d) && !pod.hostNetwork() && selects.test(pod);
  }

  /** {@code NetworkPolicy/payments/default-deny-all}. */
  public String name() {
    return source.ref().displayName();
  }
}
