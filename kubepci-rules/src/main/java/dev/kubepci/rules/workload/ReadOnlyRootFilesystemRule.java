package dev.kubepci.rules.workload;

import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags containers whose root filesystem is writable: securityContext.readOnlyRootFilesystem is absent or false.
 * The field exists only at container level. Windows pods are skipped: Windows containers do not support it.
 */
@RuleInfo(
    id = "KPCI-0125",
    name = "read-only-root-filesystem",
    title = "Containers run with a read-only root filesystem",
    severity = Severity.MEDIUM,
    rationale = "A container whose image filesystem is writable lets an intruder drop and run new binaries, change "
        + "scripts and configuration, and hide tools inside the container. A read-only root filesystem prevents "
        + "those changes outright, which is the preventive side of detecting new binaries and file changes at run "
        + "time, and it removes a foothold for attacks on the node.",
    remediation = "Set securityContext.readOnlyRootFilesystem: true on every container and init container. Give "
        + "the paths the application really writes their own volumes: an emptyDir for scratch space such as /tmp "
        + "or a cache (medium: Memory for small, sensitive files, with a sizeLimit), a PersistentVolumeClaim for "
        + "data that must outlive the pod, and ConfigMap or Secret volumes for configuration. Those volumes stay "
        + "writable (or read-only, for ConfigMaps and Secrets) while the image itself cannot change.",
    references = {"https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
        "https://kubernetes.io/docs/concepts/storage/volumes/#emptydir"})
public final class ReadOnlyRootFilesystemRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    if (workload.isWindows()) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      SecurityContext sc = c.container().getSecurityContext();
      Boolean readOnly = sc == null ? null : sc.getReadOnlyRootFilesystem();
      if (Boolean.TRUE.equals(readOnly)) {
        continue;
      }
      out.add(Violation.at(c.path().child("securityContext").child("readOnlyRootFilesystem"), readOnly,
          c.describe() + " has a writable root filesystem (readOnlyRootFilesystem is "
              + (readOnly == null ? "not set" : "false") + ")"));
    }
    return out;
  }
}
