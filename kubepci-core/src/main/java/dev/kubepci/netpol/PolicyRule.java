package dev.kubepci.netpol;

import dev.kubepci.model.FieldPath;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One rule of a policy in one direction, normalised: its action, the peer it names, the destination ports, and
 * (Calico) a condition on the selected pod's own side of the connection.
 *
 * @param local the Calico {@code destination} of an ingress rule or {@code source} of an egress rule, as a test on
 *     the selected pod; always true for Kubernetes and Cilium rules
 * @param path where the rule sits in its policy, e.g. {@code spec.ingress[1]}
 */
public record PolicyRule(RuleAction action, Peer peer, Ports ports, Predicate<PodEndpoint> local, FieldPath path) {
  public PolicyRule {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(ports, "ports");
    local = local == null ? p -> true : local;
    Objects.requireNonNull(path, "path");
  }

  public PolicyRule(RuleAction action, Peer peer, Ports ports, FieldPath path) {
    this(action, peer, ports, null, path);
  }

  /** True when the rule can let traffic through (an allow or pass rule that names some peer). */
  public boolean letsThrough() {
    return (action == RuleAction.ALLOW || action == RuleAction.PASS) && !peer.isNothing();
  }

  /** e.g. {@code allows pods app=api in the same namespace on TCP 5432}. */
  public String describe() {
    return action.verb() + " " + peer.describe() + " on " + ports.describe();
  }
}
