package dev.kubepci.rules.admission;

import dev.kubepci.admission.NamespaceView;
import dev.kubepci.admission.PodSecurityLabels;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVersion;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.workload.NamespaceWorkloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per namespace: its Pod Security admission labels and, for baseline and restricted, the workloads that the admission
 * controller would reject if the namespace enforced that level (at its pinned enforce version, else latest). A
 * namespace whose running workloads break the level it already enforces fails: they were admitted before the label,
 * through an exemption, or their controllers can no longer create pods.
 */
@RuleInfo(id = "KPCI-0102", name = "pod-security-namespace-readiness", severity = Severity.HIGH, reads = {"Namespace"},
    readsWorkloads = true)
public final class PodSecurityReadinessRule implements ClusterRule {
  static final String TABLE = "pss-readiness";
  private static final int LISTED = 10;

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, List<Workload>> e : NamespaceWorkloads.of(inventory).entrySet()) {
      String ns = e.getKey();
      List<Workload> workloads = e.getValue();
      NamespaceView view = NamespaceView.of(inventory, ns);
      PodSecurityLabels labels = PodSecurityLabels.of(view.labels());
      PodSecurityLabels.Mode enforce = labels.enforce();
      PssVersion version = enforce.isSet() && !enforce.invalid() ? enforce.version() : PssVersion.LATEST;
      List<Workload> baseline = rejected(workloads, PssLevel.BASELINE, version);
      List<Workload> restricted = rejected(workloads, PssLevel.RESTRICTED, version);
      rows.add(List.of(ns, String.valueOf(workloads.size()),
          view.known() ? enforce.describe() : "unknown", view.known() ? labels.audit().describe() : "unknown",
          view.known() ? labels.warn().describe() : "unknown",
          list(baseline, workloads.size()), list(restricted, workloads.size())));
      if (!view.known()) {
        unknown.add(ns);
        continue;
      }
      List<Workload> breaking = switch (enforce.isSet() ? enforce.level() : PssLevel.PRIVILEGED) {
        case RESTRICTED -> restricted;
        case BASELINE -> baseline;
        case PRIVILEGED -> List.of();
      };
      if (breaking.isEmpty() && !enforce.invalid()) {
        out.pass();
        continue;
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
      out.fail(view.object(), breaking.isEmpty() ? v.withSeverity(Severity.LOW) : v);
    }
    out.table(new Table(TABLE, "Pod Security readiness per namespace (workloads rejected at each level)",
        List.of("namespace", "workloads", "enforce", "audit", "warn", "baseline: rejected", "restricted: rejected"),
        rows));
    if (!unknown.isEmpty()) {
      out.note("Namespace objects not in the input, labels unknown: " + String.join(", ", unknown));
      out.notAssessedIfClean("the Namespace objects of " + String.join(", ", unknown)
          + " are not in the input, so their Pod Security labels are unknown");
    }
    return out.build("no namespace in the input runs workloads");
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
    List<String> names = workloads.stream().map(NamespaceWorkloads::shortName).sorted().toList();
    String shown = String.join(", ", names.subList(0, Math.min(max, names.size())));
    return names.size() > max ? shown + ", ... (" + (names.size() - max) + " more)" : shown;
  }
}
