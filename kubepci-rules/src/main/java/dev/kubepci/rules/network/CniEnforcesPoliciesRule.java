package dev.kubepci.rules.network;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.netpol.Cni;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.Policy;
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
 * Identifies the CNI from the DaemonSets that run it and fails when none of the plugins found enforces
 * NetworkPolicy (Flannel alone, the AWS VPC CNI without its policy agent, Azure CNI without a policy engine): every
 * policy in the cluster is then decoration. Also flags policies written in a language the CNI does not apply.
 */
@RuleInfo(id = "KPCI-0300", name = "cni-enforces-network-policy", severity = Severity.CRITICAL, readsWorkloads = true,
    readsNetworkPolicies = true)
public final class CniEnforcesPoliciesRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    NetworkPolicies model = NetworkPolicies.of(inventory);
    Cni cni = model.cni();
    List<List<String>> rows = new ArrayList<>();
    for (Cni.Plugin p : cni.plugins()) {
      rows.add(List.of(p.name(), p.evidence().ref().displayName(),
          p.enforcement() == Cni.Enforcement.ENFORCES ? "yes"
              : p.enforcement() == Cni.Enforcement.DOES_NOT_ENFORCE ? "no" : "unknown", p.detail()));
    }
    Table table = new Table("cni", "Network plugins and NetworkPolicy enforcement",
        List.of("plugin", "runs as", "enforces NetworkPolicy", "detail"), rows);
    if (cni.enforcement() == Cni.Enforcement.UNKNOWN) {
      String where = ManagedProvider.of(inventory).map(p -> " On " + p.title()
          + ", read the network policy setting with: " + p.describeCommand() + ".").orElse("");
      return Outcome.notAssessed("no network plugin that enforces NetworkPolicy was recognised in the input ("
          + cni.describe() + "); include the kube-system DaemonSets or state which CNI runs." + where).withTable(table);
    }
    Outcome.Builder out = Outcome.builder().table(table);
    if (cni.enforcement() == Cni.Enforcement.DOES_NOT_ENFORCE) {
      for (Cni.Plugin p : cni.plugins()) {
        out.fail(p.evidence(), Violation.at(FieldPath.root().child("metadata").child("name"), p.name(),
            "the network plugin " + p.name() + " does not enforce NetworkPolicy: " + p.detail()));
      }
    } else {
      out.pass();
      out.note("NetworkPolicy is enforced by " + cni.enforcer().map(Cni.Plugin::name).orElse("?") + " ("
          + model.engine().title() + " semantics)");
    }
    for (Policy p : model.ignoredPolicies()) {
      out.fail(p.source(), Violation.at(FieldPath.root().child("kind"), p.source().kind(),
          p.source().kind() + " " + p.name() + " has no effect: the cluster's network plugin is " + cni.describe()
              + ", which does not apply " + p.kind().title() + " policies").withSeverity(Severity.MEDIUM));
    }
    return out.build("no network plugin found");
  }
}
