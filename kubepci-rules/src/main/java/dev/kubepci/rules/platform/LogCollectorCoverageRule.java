package dev.kubepci.rules.platform;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/**
 * Checks that a log collector runs as a DaemonSet on every node: some collector is deployed, its tolerations and
 * node selectors reach every Node in the input, and all its pods are ready.
 */
@RuleInfo(id = "KPCI-0340", name = "log-collector-coverage", severity = Severity.HIGH, reads = {"DaemonSet", "Node",
    "RuntimeClass", "Namespace"})
public final class LogCollectorCoverageRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    return NodeAgents.coverage(inventory, NodeAgents.Purpose.LOGS, "log collector", "log-collector-coverage",
        "Fluent Bit, Fluentd, Vector, Promtail, Alloy, Filebeat, OpenTelemetry or a vendor agent");
  }
}
