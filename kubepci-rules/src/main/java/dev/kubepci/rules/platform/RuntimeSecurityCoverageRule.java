package dev.kubepci.rules.platform;

import dev.kubepci.model.Inventory;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;

/**
 * Checks that a container-aware runtime security sensor (Falco, Tetragon, Tracee, KubeArmor or a vendor agent) runs
 * as a DaemonSet on every node, with all its pods ready.
 */
@RuleInfo(id = "KPCI-0341", name = "runtime-security-coverage", severity = Severity.HIGH, reads = {"DaemonSet", "Node",
    "RuntimeClass", "Namespace"})
public final class RuntimeSecurityCoverageRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    return NodeAgents.coverage(inventory, NodeAgents.Purpose.RUNTIME_SECURITY, "runtime security sensor",
        "runtime-security-coverage", "Falco, Tetragon, Tracee, KubeArmor or a vendor agent");
  }
}
