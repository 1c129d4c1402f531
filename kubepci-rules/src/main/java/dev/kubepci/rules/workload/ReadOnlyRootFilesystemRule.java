package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;

/**
 * Flags containers whose root filesystem is writable: securityContext.readOnlyRootFilesystem is absent or false.
 * The field exists only at container level. Windows pods are skipped: Windows containers do not support it.
 */
@RuleInfo(id = "KPCI-0125", name = "read-only-root-filesystem", severity = Severity.MEDIUM)
public final class ReadOnlyRootFilesystemRule implements ContainerRule {
  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    if (workload.isWindows()) {
      return List.of();
    }
    SecurityContext sc = c.container().getSecurityContext();
    Boolean readOnly = sc == null ? null : sc.getReadOnlyRootFilesystem();
    if (Boolean.TRUE.equals(readOnly)) {
      return List.of();
    }
    return List.of(Violation.at(c.path().child("securityContext").child("readOnlyRootFilesystem"), readOnly,
        c.describe() + " has a writable root filesystem (readOnlyRootFilesystem is "
            + (readOnly == null ? "not set" : "false") + ")"));
  }
}
