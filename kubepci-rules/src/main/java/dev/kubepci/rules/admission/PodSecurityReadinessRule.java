package dev.kubepci.rules.admission;

import dev.kubepci.admission.PodSecurityLabels;
import dev.kubepci.model.Workload;
import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVersion;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.NamespaceTable;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import java.util.ArrayList;
import java.util.List;

/**
 * Per namespace: its Pod Security admission labels and, for baseline and restricted, the workloads that the admission
 * controller would reject if the namespace enforced that level (at its pinned enforce version, else latest). A
 * namespace whose running workloads break the level it already enforces fails: they were admitted before the label,
 * through an exemption, or their controllers can no longer create pods.
 */
@RuleInfo(id = "KPCI-0102", name = "pod-security-namespace-readiness", severity = Severity.HIGH, reads = {"Namespace"},
    readsWorkloads = true)
@NamespaceTable(id = "pss-readiness",
    title = "Pod Security readiness per namespace (workloads rejected at each level)", columns = {"enforce", "audit", "warn", "baseline: rejected", "restricted: rejected"})
public final class PodSecurityReadinessRule implements NamespaceRule {
  private static final int LISTED = 10;

  @Override
  public Judged check(WorkloadNamespace namespace, RuleContext context) {
    String ns = namespace.name();
    List<Workload> workloads = namespace.workloads();
    boolean known = namespace.known();
    PodSecurityLabels labels = PodSecurityLabels.of(namespace.object().labels());
    PodSecurityLabels.Mode enforce = labels.enforce();
    PssVersion version = enforce.isSet() && !enforce.invalid() ? enforce.version() : PssVersion.LATEST;
    List<Workload> baseline = rejected(workloads, PssLevel.BASELINE, version);
    List<Workload> restricted = rejected(workloads, PssLevel.RESTRICTED, version);
    List<String> cells = List.of(known ? enforce.describe() : "unknown",
        known ? labels.audit().describe() : "unknown", known ? labels.warn().describe() : "unknown",
        list(baseline, workloads.size()), list(restricted, workloads.size()));
    if (!known) {
      context.undecided(ns);
      return new Judged(cells, List.of());
    }
    List<Workload> breaking = switch (enforce.isSet() ? enforce.level() : PssLevel.PRIVILEGED) {
      case RESTRICTED -> restricted;
      case BASELINE -> baseline;
      case PRIVILEGED -> List.of();
    };
    if (breaking.isEmpty() && !enforce.invalid()) {
      return new Judged(cells, List.of());
    }
    List<String> facts = new ArrayList<>();
    if (enforce.invalid()) {
      facts.add("has an invalid Pod Security label " + enforce.levelLabel() + "=" + enforce.levelText()
          + (enforce.versionText() == null ? "" : " (version " + enforce.versionText() + ")")
          + ", so admission applies restricted at the latest version");
    }
    if (!breaking.isEmpty()) {
      facts.add("enforces " + (enforce.invalid() ? "restricted@latest" : enforce.describe()) + " but "
          + breaking.size() + " of its " + workloads.size() + " workloads break it: "
          + names(breaking, breaking.size()));
    }
    Violation v = Violation.at(enforce.levelPath(), enforce.levelText(),
        "namespace " + ns + " " + String.join(", and ", facts));
    // a mistyped label alone only makes admission stricter than intended
    return new Judged(cells, List.of(breaking.isEmpty() ? v.withSeverity(Severity.LOW) : v));
  }

  @Override
  public void finish(RuleContext context) {
    List<String> unknown = context.observations().undecided();
    if (!unknown.isEmpty()) {
      context.note("Namespace objects not in the input, labels unknown: " + String.join(", ", unknown));
    }
  }

  @Override
  public String undecidedReason(List<String> unknown) {
    return "the Namespace objects of " + String.join(", ", unknown)
        + " are not in the input, so their Pod Security labels are unknown";
  }

  private static List<Workload> rejected(List<Workload> workloads, PssLevel level, PssVersion version) {
    return workloads.stream().filter(w -> !PodSecurityStandards.evaluate(level, version, w).allowed()).toList();
  }

  private static String list(List<Workload> rejected, int total) {
    if (rejected.isEmpty()) {
      return "none";
    }
    return rejected.size() + " of " + total + ": " + names(rejected, LISTED);
  }

  private static String names(List<Workload> workloads, int max) {
    List<String> names = workloads.stream().map(PodSecurityReadinessRule::shortName).sorted().toList();
    String shown = String.join(", ", names.subList(0, Math.min(max, names.size())));
    return names.size() > max ? shown + ", ... (" + (names.size() - max) + " more)" : shown;
  }

  /** {@code Kind/name} of a workload, as the table lists it inside a namespace row. */
  private static String shortName(Workload w) {
    return w.resource().kind() + "/" + w.resource().name();
  }
}
