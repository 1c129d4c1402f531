package dev.kubepci.rules.network;

import dev.kubepci.model.Inventory;
import dev.kubepci.netpol.AddressEndpoint;
import dev.kubepci.netpol.AddressSet;
import dev.kubepci.netpol.Direction;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.PodEndpoint;
import dev.kubepci.netpol.Policy;
import dev.kubepci.netpol.PolicyProblem;
import dev.kubepci.netpol.PolicyRule;
import dev.kubepci.netpol.RuleAction;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags allow rules that open a direction to everyone: ingress from the whole Internet (an ipBlock of 0.0.0.0/0, an
 * empty {@code from}, Cilium's world or all entities) or from every pod of every namespace (an empty
 * namespaceSelector) on any port, and egress to everyone on every port. Breadth is computed, not pattern-matched: a
 * rule is broad when it admits every public address, or a pod in a namespace it cannot know about. Egress to
 * everyone on named ports (DNS, HTTPS to the API server) is listed by the isolation table, not failed. Policies
 * kubepci could not read are flagged too.
 */
@RuleInfo(id = "KPCI-0302", name = "broad-network-allow", severity = Severity.MEDIUM, readsWorkloads = true,
    readsNetworkPolicies = true)
public final class BroadNetworkAllowRule implements ClusterRule {
  /** A namespace no selector can name on purpose, standing for "a namespace that might exist". */
  private static final String UNKNOWN_NAMESPACE = "kubepci-any-namespace";
  private static final AddressSet PUBLIC_V4 = AddressSet.PUBLIC.intersect(AddressSet.of("0.0.0.0/0"));
  private static final AddressSet PUBLIC_V6 = AddressSet.PUBLIC.intersect(AddressSet.of("::/0"));

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    NetworkPolicies model = NetworkPolicies.of(inventory);
    Outcome.Builder out = Outcome.builder();
    AddressEndpoint internet = AddressEndpoint.internet();
    PodEndpoint stranger = model.hypothetical(UNKNOWN_NAMESPACE);
    for (Policy p : model.effectivePolicies()) {
      List<Violation> violations = new ArrayList<>();
      for (Direction d : Direction.values()) {
        if (!p.directions().contains(d)) {
          continue;
        }
        for (PolicyRule rule : p.rules(d)) {
          // egress to anywhere on named ports (DNS, the API server's HTTPS) is the usual minimum; to anywhere on
          // every port is not: that rule lifts the egress default deny altogether
          if (rule.action() != RuleAction.ALLOW || d == Direction.EGRESS && !rule.ports().isAll()) {
            continue;
          }
          String side = d == Direction.INGRESS ? "from" : "to";
          AddressSet covered = rule.peer().match(internet, model);
          boolean wholeInternet = covered.containsAll(PUBLIC_V4) || covered.containsAll(PUBLIC_V6);
          boolean everyPod = !rule.peer().match(stranger, model).isEmpty();
          String what;
          if (rule.peer().isEverything()) {
            what = d == Direction.INGRESS ? "any source" : "any destination";
          } else if (wholeInternet) {
            what = "any Internet address";
          } else if (everyPod) {
            what = "every pod of every namespace";
          } else {
            continue;
          }
          violations.add(Violation.at(rule.path(), rule.peer().describe() + " on " + rule.ports().describe(),
              p.name() + " allows " + d.label() + " " + side + " " + what + " on " + rule.ports().describe()));
        }
      }
      if (violations.isEmpty()) {
        out.pass();
      } else {
        out.fail(p.source(), violations);
      }
    }
    for (PolicyProblem problem : model.problems()) {
      out.fail(problem.resource(), Violation.at(problem.path(), problem.value(), problem.message()));
    }
    return out.build("no network policy in the input");
  }
}
