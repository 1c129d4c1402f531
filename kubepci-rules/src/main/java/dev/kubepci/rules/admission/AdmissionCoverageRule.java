package dev.kubepci.rules.admission;

import dev.kubepci.admission.AdmissionLandscape;
import dev.kubepci.admission.Enforcement;
import dev.kubepci.admission.NamespaceAdmission;
import dev.kubepci.admission.PodSecurityLabels;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
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
import java.util.stream.Collectors;

/**
 * Per namespace that runs workloads, which admission mechanism restricts what its pods may do, and how strongly:
 * Pod Security admission labels, Kyverno, Gatekeeper, ValidatingAdmissionPolicy, Kubewarden, jsPolicy, OpenShift
 * SCC. A namespace where nothing enforces fails; the table {@code admission-coverage} lists every namespace.
 */
@RuleInfo(id = "KPCI-0103", name = "admission-control-coverage", severity = Severity.HIGH, reads = {"Namespace",
    "ConfigMap", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding", "kyverno.io/ClusterPolicy", "kyverno.io/Policy", "kyverno.io/PolicyException",
    "templates.gatekeeper.sh/ConstraintTemplate", "config.gatekeeper.sh/Config",
    "policies.kubewarden.io/ClusterAdmissionPolicy", "policies.kubewarden.io/AdmissionPolicy",
    "policies.kubewarden.io/ClusterAdmissionPolicyGroup", "policies.kubewarden.io/AdmissionPolicyGroup",
    "policy.jspolicy.com/JsPolicy", "security.openshift.io/SecurityContextConstraints"}, readsWorkloads = true)
public final class AdmissionCoverageRule implements ClusterRule {
  static final String TABLE = "admission-coverage";

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    for (Map.Entry<String, List<Workload>> e : NamespaceWorkloads.of(inventory).entrySet()) {
      String ns = e.getKey();
      NamespaceAdmission admission = AdmissionLandscape.of(inventory, ns);
      List<Enforcement> restricting = admission.restricting();
      List<Enforcement> shown = new ArrayList<>(restricting);
      shown.addAll(admission.unconfirmed());
      rows.add(List.of(ns, String.valueOf(e.getValue().size()),
          shown.isEmpty() ? "-" : shown.stream().map(Enforcement::describe).collect(Collectors.joining("; ")),
          admission.namespace().known() || !restricting.isEmpty() ? admission.strength() : "unknown",
          admission.exemptions().isEmpty() ? "-" : String.join("; ", admission.exemptions())));
      if (!restricting.isEmpty()) {
        out.pass();
        continue;
      }
      if (!admission.namespace().known() || !admission.unconfirmed().isEmpty()) {
        undecided.add(ns + (admission.namespace().known() ? " (engine of "
            + admission.unconfirmed().stream().map(Enforcement::policy).collect(Collectors.joining(", "))
            + " not in the input)" : " (Namespace object not in the input)"));
        continue;
      }
      Resource subject = admission.namespace().object();
      PodSecurityLabels.Mode enforce = admission.podSecurity().enforce();
      FieldPath path = enforce.levelPath();
      out.fail(subject, Violation.at(path, enforce.levelText(), message(ns, e.getValue().size(), admission)));
    }
    out.table(new Table(TABLE, "Admission control per namespace",
        List.of("namespace", "workloads", "enforced by", "strength", "exemptions"), rows));
    undecided.forEach(u -> out.note("could not decide " + u));
    if (!undecided.isEmpty()) {
      out.notAssessedIfClean("admission control could not be decided for " + String.join(", ", undecided));
    }
    return out.build("no namespace in the input runs workloads");
  }

  private static String message(String ns, int workloads, NamespaceAdmission admission) {
    StringBuilder sb = new StringBuilder("namespace ").append(ns).append(" runs ").append(workloads)
        .append(workloads == 1 ? " workload" : " workloads")
        .append(" and no admission mechanism restricts its pods");
    List<String> why = new ArrayList<>();
    PodSecurityLabels.Mode enforce = admission.podSecurity().enforce();
    why.add(enforce.isSet() ? "Pod Security enforce is " + enforce.describe() : "no Pod Security enforce label");
    admission.reportingOnly().forEach(r -> why.add(r.describe() + " only reports"));
    if (!admission.exclusions().isEmpty()) {
      why.add(admission.exclusions().get(0));
    }
    return sb.append(" (").append(String.join("; ", why)).append(')').toString();
  }
}
