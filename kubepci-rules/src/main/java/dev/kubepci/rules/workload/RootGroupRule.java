package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags pods and containers that run with group 0 (root): runAsGroup 0 (the container's setting overrides the
 * pod's), fsGroup 0, or 0 among the supplementalGroups. Where runAsGroup is set nowhere, the process takes the
 * image's primary group, which is 0 unless the image names another: that is reported at low severity.
 */
@RuleInfo(id = "KPCI-0127", name = "root-group", severity = Severity.MEDIUM)
public final class RootGroupRule implements WorkloadRule {
  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    if (workload.isWindows()) {
      return List.of(); // Windows pods use runAsUserName, not Linux group ids
    }
    PodSecurityContext pod = workload.podSpec().getSecurityContext();
    FieldPath podPath = workload.podSpecPath().child("securityContext");
    List<Violation> out = new ArrayList<>();
    if (pod != null && Long.valueOf(0L).equals(pod.getFsGroup())) {
      out.add(Violation.at(podPath.child("fsGroup"), 0, "the pod's volumes are owned by group 0 (fsGroup 0)"));
    }
    List<Long> supplemental = pod == null || pod.getSupplementalGroups() == null
        ? List.of() : pod.getSupplementalGroups();
    for (int i = 0; i < supplemental.size(); i++) {
      if (Long.valueOf(0L).equals(supplemental.get(i))) {
        out.add(Violation.at(podPath.child("supplementalGroups").index(i), 0,
            "the pod's containers get group 0 as a supplementary group"));
      }
    }
    Long podGroup = pod == null ? null : pod.getRunAsGroup();
    List<String> inheritingRoot = new ArrayList<>();
    for (Workload.ContainerRef c : workload.containers()) {
      SecurityContext sc = c.container().getSecurityContext();
      Long group = sc == null ? null : sc.getRunAsGroup();
      FieldPath groupPath = c.path().child("securityContext").child("runAsGroup");
      if (group == null && podGroup != null) {
        if (podGroup == 0L) {
          inheritingRoot.add(c.describe());
        }
      } else if (group == null) {
        out.add(Violation.at(groupPath, null, c.describe() + " may run with group 0: runAsGroup is not set, so the "
            + "image's primary group applies, root unless the image names another").withSeverity(Severity.LOW));
      } else if (group == 0L) {
        out.add(Violation.at(groupPath, 0, c.describe() + " runs with group 0 (root) as its primary group"));
      }
    }
    if (!inheritingRoot.isEmpty()) {
      out.add(Violation.at(podPath.child("runAsGroup"), 0, String.join(", ", inheritingRoot)
          + " run with group 0 (root) as primary group, from the pod's runAsGroup"));
    }
    return out;
  }
}
