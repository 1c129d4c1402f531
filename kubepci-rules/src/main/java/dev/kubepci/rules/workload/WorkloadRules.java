package dev.kubepci.rules.workload;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in workload rules, sorted by id. */
public final class WorkloadRules {
  private WorkloadRules() {}

  public static List<Rule> all() {
    return List.of(
        new PrivilegedContainerRule(),
        new HostNamespacesRule(),
        new AutomountServiceAccountTokenRule(),
        new ResourceLimitsRule(),
        new RunAsRootRule(),
        new PodSecurityBaselineRule(),
        new PodSecurityRestrictedRule(),
        new ResourceQuotaRule(),
        new DefaultServiceAccountRule(),
        new SandboxedRuntimeRule(),
        new WindowsHostProcessRule(),
        new WindowsIsolationRule(),
        new ReadOnlyRootFilesystemRule(),
        new ResourceRequestsRule(),
        new RootGroupRule());
  }
}
