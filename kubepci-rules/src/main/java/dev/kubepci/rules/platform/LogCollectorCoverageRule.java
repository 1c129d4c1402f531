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
@RuleInfo(
    id = "KPCI-0340",
    name = "log-collector-coverage",
    title = "A log collector runs on every node and ships container logs centrally",
    severity = Severity.HIGH,
    rationale = "Containers come and go, and their logs disappear with them unless something on each node sends them "
        + "to a central store. A collector that skips tainted nodes (the CDE pool, the control plane) leaves exactly "
        + "the most sensitive workloads without a record.",
    remediation = "Deploy a log collector (Fluent Bit, Vector, Grafana Alloy, an OpenTelemetry collector or the "
        + "provider's agent) as a DaemonSet with tolerations for every node taint, ship to a central store with "
        + "Kubernetes metadata, and alert when its pods are not ready.",
    references = {"https://kubernetes.io/docs/concepts/cluster-administration/logging/#cluster-level-logging-architectures"},
    reads = {"DaemonSet", "Node", "RuntimeClass", "Namespace"})
public final class LogCollectorCoverageRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    return NodeAgents.coverage(inventory, NodeAgents.Purpose.LOGS, "log collector", "log-collector-coverage",
        "Fluent Bit, Fluentd, Vector, Promtail, Alloy, Filebeat, OpenTelemetry or a vendor agent");
  }
}
