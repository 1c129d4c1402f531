package dev.kubepci.rules.auth;

import dev.kubepci.model.Resource;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/** Flags kubeconfig clusters reached without verifying the API server's certificate, or over plain HTTP. */
@RuleInfo(id = "KPCI-0232", name = "kubeconfig-insecure-tls", severity = Severity.HIGH,
    reads = {"kubepci.dev/KubeconfigCluster"})
public final class KubeconfigInsecureTlsRule implements KubeconfigEntryRule.Cluster {
  @Override
  public List<Violation> check(Resource cluster, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    String who = KubeconfigEntries.describe(cluster);
    Object skip = cluster.field("spec", "cluster", "insecure-skip-tls-verify").orElse(null);
    if (skip != null && FlagValues.isTrue(String.valueOf(skip))) {
      violations.add(Violation.at(KubeconfigEntries.base(cluster).child("insecure-skip-tls-verify"), skip,
          who + " skips verification of the API server's certificate"));
    }
    String server = KubeconfigEntries.value(cluster, "server");
    if (server != null && server.startsWith("http://")) {
      violations.add(Violation.at(KubeconfigEntries.base(cluster).child("server"), server,
          who + " talks to the API server without TLS"));
    }
    return violations;
  }
}
