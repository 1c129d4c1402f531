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
@RuleInfo(
    id = "KPCI-0341",
    name = "runtime-security-coverage",
    title = "A runtime security sensor watches containers on every node",
    severity = Severity.HIGH,
    rationale = "Detecting a new binary or a changed file inside a running container needs a sensor on the node that "
        + "sees the container's system calls. A node the sensor does not reach is a place where an intruder can act "
        + "unobserved.",
    remediation = "Deploy Falco, Tetragon, Tracee, KubeArmor or an equivalent agent as a DaemonSet that tolerates "
        + "every node taint, enable its rules for unexpected executables and file changes, and forward its alerts to "
        + "the central security monitoring.",
    references = {"https://falco.org/docs/", "https://tetragon.io/docs/"},
    reads = {"DaemonSet", "Node", "RuntimeClass", "Namespace"})
public final class RuntimeSecurityCoverageRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    return NodeAgents.coverage(inventory, NodeAgents.Purpose.RUNTIME_SECURITY, "runtime security sensor",
        "runtime-security-coverage", "Falco, Tetragon, Tracee, KubeArmor or a vendor agent");
  }
}
