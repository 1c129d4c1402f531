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
 * Flags containers without a CPU or memory request. A request is in effect when the container sets it, when it
 * sets a limit for the resource (Kubernetes then sets the request to the limit), or when a LimitRange of the
 * namespace gives containers a default request or a default limit for it.
 */
@RuleInfo(id = "KPCI-0126", name = "container-resource-requests", severity = Severity.LOW, reads = {"LimitRange"})
public final class ResourceRequestsRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    Set<String> defaulted = LimitRanges.of(workload, context).requests();
    // a container that sets a limit but no request gets the limit as its request
    return ContainerResources.missing(workload, "requests", "request", (requests, limits, resource) ->
        requests.containsKey(resource) || limits.containsKey(resource) || defaulted.contains(resource));
  }
}
