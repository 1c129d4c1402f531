package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ContainerRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;

/**
 * Flags containers that may run as root: neither runAsNonRoot: true nor a non-zero runAsUser applies, or runAsUser
 * is 0. The container's security context overrides the pod's, field by field, as in Kubernetes.
 */
@RuleInfo(id = "KPCI-0006", name = "container-may-run-as-root", severity = Severity.HIGH)
public final class RunAsRootRule implements ContainerRule {
  @Override
  public List<Violation> check(Workload.ContainerRef c, Workload workload, RuleContext context) {
    if (workload.isWindows()) {
      return List.of(); // Windows pods use runAsUserName, not Linux user ids
    }
    PodSecurityContext pod = workload.podSpec().getSecurityContext();
    Boolean podNonRoot = pod == null ? null : pod.getRunAsNonRoot();
    Long podUser = pod == null ? null : pod.getRunAsUser();
    FieldPath podPath = workload.podSpecPath().child("securityContext");
    SecurityContext sc = c.container().getSecurityContext();
    FieldPath cPath = c.path().child("securityContext");
    Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : podUser;
    FieldPath userPath = sc != null && sc.getRunAsUser() != null ? cPath.child("runAsUser") : podPath.child("runAsUser");
    Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : podNonRoot;
    FieldPath nonRootPath = sc != null && sc.getRunAsNonRoot() != null
        ? cPath.child("runAsNonRoot") : (podNonRoot != null ? podPath.child("runAsNonRoot") : cPath.child("runAsNonRoot"));
    if (user != null && user == 0L) {
      return List.of(Violation.at(userPath, 0, c.describe() + " runs as user 0 (root)"));
    } else if (!Boolean.TRUE.equals(nonRoot) && user == null) {
      return List.of(Violation.at(nonRootPath, nonRoot,
          c.describe() + " may run as root: runAsNonRoot is not true and no non-zero runAsUser is set"));
    }
    return List.of();
  }
}
