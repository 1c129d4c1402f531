package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.baseline;
import static dev.kubepci.pss.PssCheck.restricted;
import static dev.kubepci.pss.PssCheck.since;

import dev.kubepci.model.Workload;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a pod spec against the Kubernetes Pod Security Standards, as upstream's {@code
 * k8s.io/pod-security-admission} policy package does, for every policy version from v1.0 to
 * {@link PssVersion#NEWEST_KNOWN}.
 *
 * <p>The restricted level runs every baseline check as well as the restricted ones. Upstream lets
 * some restricted checks replace ("override") a weaker baseline check; the replaced check's
 * violations are reported here only while its replacement also rejects the pod, so that the
 * verdict stays exactly upstream's while a restricted rejection still names every baseline rule
 * that the pod breaks.
 */
public final class PodSecurityStandards {
  /**
   * Upstream's checks by id, each with the policy versions from which a revision applies; a
   * restricted revision names the baseline checks it overrides.
   */
  private static final List<PssCheck> CHECKS =
      List.of(
          baseline("appArmorProfile", since(0, AppArmorCheck::v1Dot0)),
          baseline("capabilities_baseline", since(0, CapabilitiesChecks::baselineV1Dot0)),
          baseline("hostNamespaces", since(0, HostNamespacesCheck::v1Dot0)),
          baseline("hostPathVolumes", since(0, HostPathVolumesCheck::v1Dot0)),
          baseline("hostPorts", since(0, HostPortsCheck::v1Dot0)),
          baseline("hostProbesAndHostLifecycle", since(34, HostProbesAndLifecycleCheck::v1Dot34)),
          baseline("privileged", since(0, PrivilegedCheck::v1Dot0)),
          baseline("procMount", since(0, ProcMountChecks::defaultOnly))
              .exemptingFrom(35, PodView::usesUserNamespace),
          baseline(
              "seccompProfile_baseline",
              since(0, SeccompChecks::baselineV1Dot0),
              since(19, SeccompChecks::baselineV1Dot19)),
          new PssCheck("seLinuxOptions", PssLevel.BASELINE, SeLinuxOptionsCheck.REVISIONS),
          new PssCheck("sysctls", PssLevel.BASELINE, SysctlsCheck.REVISIONS),
          baseline("windowsHostProcess", since(0, WindowsHostProcessCheck::v1Dot0)),
          restricted("allowPrivilegeEscalation", since(8, AllowPrivilegeEscalationCheck::v1Dot8))
              .exemptingFrom(25, PodView::isWindows),
          restricted(
                  "capabilities_restricted",
                  since(22, CapabilitiesChecks::restrictedV1Dot22, "capabilities_baseline"))
              .exemptingFrom(25, PodView::isWindows),
          restricted("procMount_restricted", since(35, ProcMountChecks::defaultOnly, "procMount")),
          restricted("restrictedVolumes", since(0, RestrictedVolumesCheck::v1Dot0, "hostPathVolumes")),
          restricted("runAsNonRoot", since(0, RunAsNonRootCheck::v1Dot0))
              .exemptingFrom(35, PodView::usesUserNamespace),
          restricted("runAsUser", since(23, RunAsUserCheck::v1Dot23))
              .exemptingFrom(35, PodView::usesUserNamespace),
          restricted(
                  "seccompProfile_restricted",
                  since(19, SeccompChecks::restrictedV1Dot19, "seccompProfile_baseline"))
              .exemptingFrom(25, PodView::isWindows));

  private static final Comparator<PssViolation> ORDER =
      Comparator.comparing(PssViolation::check)
          .thenComparing(PssViolation::path, PodSecurityStandards::comparePaths)
          .thenComparing(PssViolation::message);

  private PodSecurityStandards() {}

  /**
   * Evaluates one pod spec.
   *
   * @param podMetadata the pod's (or pod template's) metadata; its annotations carry the AppArmor
   *     and (before v1.19) seccomp profiles. May be null.
   * @param podMetadataPath path of that metadata in the evaluated object, e.g. {@code metadata}
   *     for a Pod or {@code spec.template.metadata} for a Deployment
   * @param podSpec the pod spec; null is treated as an empty spec
   * @param podSpecPath path of the pod spec in the evaluated object, e.g. {@code spec} for a Pod,
   *     {@code spec.template.spec} for a Deployment, {@code spec.jobTemplate.spec.template.spec}
   *     for a CronJob
   */
  public static PssVerdict evaluate(
      PssLevel level,
      PssVersion version,
      ObjectMeta podMetadata,
      String podMetadataPath,
      PodSpec podSpec,
      String podSpecPath) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(version, "version");
    if (level == PssLevel.PRIVILEGED) {
      return new PssVerdict(level, version, true, List.of());
    }
    int minor = version.effective().minor();
    PodView pod = new PodView(podMetadata, podMetadataPath, podSpec, podSpecPath);

    Map<String, Findings> byCheck = new LinkedHashMap<>();
    Set<String> overridden = new TreeSet<>();
    for (PssCheck check : CHECKS) {
      if (!level.includes(check.level())) {
        continue;
      }
      check
          .revisionAt(minor)
          .ifPresent(
              revision -> {
                Findings findings = new Findings(check.id());
                revision.rule().check(pod, findings);
                byCheck.put(check.id(), findings);
                if (findings.isEmpty()) {
                  // The replacement accepts the pod, so upstream never consults the replaced
                  // baseline check: neither may we.
                  overridden.addAll(revision.overrides());
                }
              });
    }

    List<PssViolation> violations = new ArrayList<>();
    byCheck.forEach(
        (id, findings) -> {
          if (!overridden.contains(id)) {
            violations.addAll(findings.violations());
          }
        });
    violations.sort(ORDER);
    return new PssVerdict(level, version, violations.isEmpty(), violations);
  }

  /**
   * Evaluates the pod spec of a Pod or of any workload's pod template, with violation paths rooted at the
   * owning object (e.g. {@code spec.template.spec.containers[0]...} for a Deployment).
   */
  public static PssVerdict evaluate(PssLevel level, PssVersion version, Workload workload) {
    Objects.requireNonNull(workload, "workload");
    return evaluate(level, version, workload.podMetadata(), workload.podMetadataPath().toString(),
        workload.podSpec(), workload.podSpecPath().toString());
  }

  /**
   * The upstream check ids that belong to a level at any policy version: for restricted, the
   * baseline ids followed by the restricted ones, each group sorted. Privileged has none.
   */
  public static List<String> checkIds(PssLevel level) {
    Objects.requireNonNull(level, "level");
    return ids(level, Integer.MAX_VALUE);
  }

  /** The upstream check ids that a level runs at one policy version, ordered as {@link #checkIds}. */
  public static List<String> checkIds(PssLevel level, PssVersion version) {
    Objects.requireNonNull(level, "level");
    return ids(level, version.effective().minor());
  }

  private static List<String> ids(PssLevel level, int minor) {
    List<String> ids = new ArrayList<>();
    for (PssLevel group : List.of(PssLevel.BASELINE, PssLevel.RESTRICTED)) {
      if (!level.includes(group)) {
        continue;
      }
      CHECKS.stream()
          .filter(c -> c.level() == group && c.revisionAt(minor).isPresent())
          .map(PssCheck::id)
          .sorted()
          .forEach(ids::add);
    }
    return List.copyOf(ids);
  }

  /**
   * The newest policy version any check has a revision for; upstream's {@code latest} means
   * exactly this version, so {@link PssVersion#NEWEST_KNOWN} must match it.
   */
  static int newestRevisionMinor() {
    return CHECKS.stream().mapToInt(PssCheck::newestMinor).max().orElseThrow();
  }

  /** Orders paths segment by segment, comparing list indexes as numbers ([2] before [10]). */
  static int comparePaths(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int byValue = compareDigits(a.substring(i, endA), b.substring(j, endB));
        if (byValue != 0) {
          return byValue;
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private static int compareDigits(String a, String b) {
    String x = stripLeadingZeros(a);
    String y = stripLeadingZeros(b);
    if (x.length() != y.length()) {
      return Integer.compare(x.length(), y.length());
    }
    int byDigits = x.compareTo(y);
    return byDigits != 0 ? byDigits : Integer.compare(a.length(), b.length());
  }

  private static String stripLeadingZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }
}
