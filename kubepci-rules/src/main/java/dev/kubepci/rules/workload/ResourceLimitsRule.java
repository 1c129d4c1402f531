package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import java.util.List;
import java.util.Set;

/**
 * Flags containers without a CPU or memory limit, unless a LimitRange of the namespace gives containers a default
 * limit for it (the LimitRanger admission plugin then sets it when the pod is created).
 */
@RuleInfo(id = "KPCI-0005", name = "container-resource-limits", severity = Severity.MEDIUM, reads = {"LimitRange"})
public final class ResourceLimitsRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    Set<String> defaulted = LimitRanges.of(workload, context).limits();
    return ContainerResources.missing(workload, "limits", "limit",
        (requests, limits, resource) -> limits.containsKey(resource) || defaulted.contains(resource));
  }
}
