package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/** Flags pods that share the node's network, process or IPC namespace. */
@RuleInfo(id = "KPCI-0002", name = "host-namespaces", severity = Severity.HIGH)
public final class HostNamespacesRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    PodSpec spec = workload.podSpec();
    List<Violation> out = new ArrayList<>();
    if (Boolean.TRUE.equals(spec.getHostNetwork())) {
      out.add(Violation.at(workload.podSpecPath().child("hostNetwork"), true, "pod uses the node's network namespace"));
    }
    if (Boolean.TRUE.equals(spec.getHostPID())) {
      out.add(Violation.at(workload.podSpecPath().child("hostPID"), true, "pod uses the node's process namespace"));
    }
    if (Boolean.TRUE.equals(spec.getHostIPC())) {
      out.add(Violation.at(workload.podSpecPath().child("hostIPC"), true, "pod uses the node's IPC namespace"));
    }
    return out;
  }
}
