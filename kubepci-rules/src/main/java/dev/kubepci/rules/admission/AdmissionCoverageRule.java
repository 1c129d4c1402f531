package dev.kubepci.rules.admission;

import dev.kubepci.admission.AdmissionLandscape;
import dev.kubepci.admission.Enforcement;
import dev.kubepci.admission.NamespaceAdmission;
import dev.kubepci.admission.PodSecurityLabels;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.NamespaceTable;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import java.util.ArrayList;
import java.util.List;
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
@NamespaceTable(id = "admission-coverage", title = "Admission control per namespace",
    columns = {"enforced by", "strength", "exemptions"})
public final class AdmissionCoverageRule implements NamespaceRule {
  @Override
  public Judged check(WorkloadNamespace namespace, RuleContext context) {
    String ns = namespace.name();
    NamespaceAdmission admission = AdmissionLandscape.of(context.inventory(), ns);
    List<Enforcement> restricting = admission.restricting();
    List<Enforcement> shown = new ArrayList<>(restricting);
    shown.addAll(admission.unconfirmed());
    List<String> cells = List.of(
        shown.isEmpty() ? "-" : shown.stream().map(Enforcement::describe).collect(Collectors.joining("; ")),
        admission.namespace().known() || !restricting.isEmpty() ? admission.strength() : "unknown",
        admission.exemptions().isEmpty() ? "-" : String.join("; ", admission.exemptions()));
    if (!restricting.isEmpty()) {
      return new Judged(cells, List.of());
    }
    if (!admission.namespace().known() || !admission.unconfirmed().isEmpty()) {
      String undecided = ns + (admission.namespace().known() ? " (engine of "
          + admission.unconfirmed().stream().map(Enforcement::policy).collect(Collectors.joining(", "))
          + " not in the input)" : " (Namespace object not in the input)");
      context.undecided(undecided);
      context.note("could not decide " + undecided);
      return new Judged(cells, List.of());
    }
    PodSecurityLabels.Mode enforce = admission.podSecurity().enforce();
    return new Judged(cells, List.of(Violation.at(enforce.levelPath(), enforce.levelText(),
        message(ns, namespace.workloads().size(), admission))));
  }

  @Override
  public String undecidedReason(List<String> undecided) {
    return "admission control could not be decided for " + String.join(", ", undecided);
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
