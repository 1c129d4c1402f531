package dev.kubepci.rules.network;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.netpol.Direction;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.PodEndpoint;
import dev.kubepci.netpol.Policy;
import dev.kubepci.netpol.PolicyRule;
import dev.kubepci.netpol.RuleAction;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every workload for ingress and egress isolation: some policy the CNI applies selects its pods for that
 * direction, so that only what rules allow gets through. Lists, per workload, what is still allowed in each
 * direction. Host-network workloads are listed but not failed: NetworkPolicy cannot cover them at all, which the
 * host-namespace checks report.
 */
@RuleInfo(id = "KPCI-0301", name = "workload-network-isolation", severity = Severity.HIGH, readsWorkloads = true,
    readsNetworkPolicies = true)
public final class WorkloadIsolationRule implements ClusterRule {
  private static final int MAX_PEERS = 4;

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    NetworkPolicies model = NetworkPolicies.of(inventory);
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    int hostNetwork = 0;
    for (PodEndpoint pod : model.workloads()) {
      if (pod.hostNetwork()) {
        hostNetwork++;
        rows.add(List.of(pod.display(), pod.namespace(), "host network", "host network", "n/a", "n/a"));
        continue;
      }
      NetworkPolicies.Isolation iso = model.isolation(pod);
      rows.add(List.of(pod.display(), pod.namespace(), iso.ingress() ? "yes" : "no", iso.egress() ? "yes" : "no",
          allowed(iso, Direction.INGRESS), allowed(iso, Direction.EGRESS)));
      List<Violation> violations = new ArrayList<>();
      Workload w = Workloads.of(pod.resource()).orElseThrow();
      for (Direction d : Direction.values()) {
        if (!iso.isolated(d)) {
          violations.add(Violation.at(w.podMetadataPath().child("labels"), pod.labelsText(),
              "no network policy selects the pods of " + pod.display() + " for " + d.label() + ": "
                  + (d == Direction.INGRESS ? "any source may connect to them" : "they may connect anywhere")));
        }
      }
      if (violations.isEmpty()) {
        out.pass();
      } else {
        out.fail(pod.resource(), violations);
      }
    }
    if (hostNetwork > 0) {
      out.note(hostNetwork + " workload(s) use the node's network, which NetworkPolicy does not cover");
    }
    out.table(new Table("network-isolation", "Network isolation per workload (" + model.engine().title()
        + " semantics)", List.of("workload", "namespace", "ingress isolated", "egress isolated", "allowed from",
        "allowed to"), rows));
    return out.build("no workload in the input");
  }

  /** What the rules of the selecting policies let through, in short: {@code anyone}, {@code nothing}, or peers. */
  static String allowed(NetworkPolicies.Isolation iso, Direction d) {
    if (!iso.isolated(d)) {
      return "anyone";
    }
    List<String> peers = new ArrayList<>();
    for (Policy p : iso.policies(d)) {
      for (PolicyRule r : p.rules(d)) {
        if (r.letsThrough()) {
          peers.add((r.action() == RuleAction.PASS ? "passed to the next tier: " : "") + r.peer().describe() + " ("
              + r.ports().describe() + ")");
        }
      }
    }
    List<String> distinct = peers.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return "nothing";
    }
    if (distinct.size() <= MAX_PEERS) {
      return String.join("; ", distinct);
    }
    return String.join("; ", distinct.subList(0, MAX_PEERS)) + "; and " + (distinct.size() - MAX_PEERS) + " more";
  }
}
