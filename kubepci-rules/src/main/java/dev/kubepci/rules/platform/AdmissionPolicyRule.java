package dev.kubepci.rules.platform;

import dev.kubepci.admission.GatekeeperPolicies;
import dev.kubepci.admission.KyvernoPolicies;
import dev.kubepci.admission.NamespaceView;
import dev.kubepci.admission.ObjectFields;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.TableRows;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inventories the policy tooling that enforces a configuration standard at admission: Kyverno policies in Enforce
 * mode, Gatekeeper constraints with enforcementAction deny (both read with the admission rules' semantics, see
 * {@link KyvernoPolicies} and {@link GatekeeperPolicies}), ValidatingAdmissionPolicyBindings that Deny, Kubewarden
 * policies in protect mode, and Pod Security Admission enforce labels; plus compliance scan results
 * (trivy-operator ClusterComplianceReports). Fails when nothing enforces.
 */
@RuleInfo(id = "KPCI-0361", name = "admission-policy-enforcement", severity = Severity.MEDIUM, reads = {"Namespace",
    "ValidatingAdmissionPolicyBinding", "kyverno.io/ClusterPolicy", "kyverno.io/Policy",
    "templates.gatekeeper.sh/ConstraintTemplate", "policies.kubewarden.io/ClusterAdmissionPolicy",
    "policies.kubewarden.io/AdmissionPolicy", "aquasecurity.github.io/ClusterComplianceReport"})
public final class AdmissionPolicyRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    List<List<String>> rows = new ArrayList<>();
    List<Resource> enforcing = new ArrayList<>();
    List<Resource> auditing = new ArrayList<>();
    for (Resource r : KyvernoPolicies.policies(inventory)) {
      String mode = kyvernoMode(inventory, r);
      (mode.equals("Enforce") ? enforcing : auditing).add(r);
      rows.add(List.of("Kyverno", r.ref().displayName(), mode));
    }
    for (Resource r : GatekeeperPolicies.constraints(inventory)) {
      Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(r), "spec");
      String action = Objects.requireNonNullElse(ObjectFields.string(spec, "enforcementAction"), "deny");
      (GatekeeperPolicies.denies(spec) ? enforcing : auditing).add(r);
      rows.add(List.of("Gatekeeper", r.ref().displayName(), action));
    }
    for (Resource r : inventory.ofKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding")) {
      List<String> actions = r.as(ValidatingAdmissionPolicyBinding.class)
          .map(b -> b.getSpec() == null || b.getSpec().getValidationActions() == null ? List.<String>of()
              : b.getSpec().getValidationActions())
          .orElseGet(() -> r.list("spec", "validationActions").stream().map(String::valueOf).toList());
      boolean deny = actions.contains("Deny");
      (deny ? enforcing : auditing).add(r);
      rows.add(List.of("ValidatingAdmissionPolicy", r.ref().displayName(), String.join(", ", actions)));
    }
    for (String kind : List.of("ClusterAdmissionPolicy", "AdmissionPolicy")) {
      for (Resource r : inventory.ofKind("policies.kubewarden.io", kind)) {
        String mode = r.string("spec", "mode").orElse("protect");
        (mode.equals("protect") ? enforcing : auditing).add(r);
        rows.add(List.of("Kubewarden", r.ref().displayName(), mode));
      }
    }
    int psa = 0;
    for (Resource ns : inventory.ofKind("", "Namespace")) {
      String level = ns.labels().get("pod-security.kubernetes.io/enforce");
      if (level != null && !level.equals("privileged")) {
        psa++;
      }
    }
    if (psa > 0) {
      rows.add(List.of("Pod Security Admission", psa + " namespace(s)", "enforce baseline or restricted"));
    }
    for (Resource r : inventory.ofKind("aquasecurity.github.io", "ClusterComplianceReport")) {
      Object fail = r.field("status", "summary", "failCount").orElse("?");
      Object pass = r.field("status", "summary", "passCount").orElse("?");
      rows.add(List.of("trivy-operator compliance", r.ref().displayName(), pass + " passed, " + fail + " failed"));
    }
    enforcing.sort(java.util.Comparator.comparing(Resource::ref, dev.kubepci.model.ResourceRef.ORDER));
    auditing.sort(java.util.Comparator.comparing(Resource::ref, dev.kubepci.model.ResourceRef.ORDER));
    Table table = new Table("policy-tooling", "Admission policy and compliance tooling", List.of("tool", "object",
        "mode"), TableRows.byFirstColumn(rows));
    Outcome.Builder out = Outcome.builder().table(table);
    List<Resource> templates = inventory.ofKind("templates.gatekeeper.sh", "ConstraintTemplate");
    boolean constraints = !GatekeeperPolicies.constraints(inventory).isEmpty();
    if (enforcing.isEmpty() && !templates.isEmpty() && !constraints) {
      // a cluster collection lists the templates, not the constraint kinds they create at run time
      return Outcome.notAssessed("Gatekeeper is installed (" + templates.size() + " ConstraintTemplate(s)) but no "
          + "constraint is in the input; add them (kubectl get constraints -o yaml) to see their enforcement action")
          .withTable(table);
    }
    if (enforcing.isEmpty() && auditing.isEmpty() && !ClusterView.isWhole(inventory)) {
      return Outcome.notAssessed(ClusterView.PARTIAL + "an admission policy engine proves nothing; scan a cluster dump "
          + "or a live collection").withTable(table);
    }
    if (enforcing.isEmpty()) {
      String seen = auditing.isEmpty() ? "no admission policy engine object is in the input"
          : auditing.size() + " policy object(s) only audit or warn";
      out.fail(auditing.isEmpty() ? null : auditing.get(0), Violation.at(auditing.isEmpty()
          ? FieldPath.root().child("kind") : FieldPath.root().child("spec"), seen,
          "no admission policy enforces the configuration standard: " + seen
              + (psa > 0 ? " (Pod Security Admission enforces in " + psa + " namespace(s))" : "")));
    } else {
      out.pass(enforcing.size());
    }
    if (!auditing.isEmpty() && !enforcing.isEmpty()) {
      out.note(auditing.size() + " policy object(s) only audit or warn");
    }
    return out.build("");
  }

  /**
   * {@code Enforce} when some validate rule of the policy rejects (its own failureAction, else the policy's
   * validationFailureAction, as the admission rules read them), {@code Audit} otherwise, or why it never acts at
   * admission.
   */
  private static String kyvernoMode(Inventory inventory, Resource policy) {
    Map<String, Object> tree = ObjectFields.tree(policy);
    String inactive = KyvernoPolicies.inactive(tree);
    if (inactive != null) {
      return inactive;
    }
    Map<String, Object> spec = ObjectFields.map(tree, "spec");
    NamespaceView ns = NamespaceView.of(inventory, Objects.requireNonNullElse(policy.namespace(), ""));
    boolean validates = false;
    for (Map<String, Object> rule : ObjectFields.maps(spec, "rules")) {
      Map<String, Object> validate = ObjectFields.map(rule, "validate");
      if (validate.isEmpty()) {
        continue;
      }
      validates = true;
      if ("enforce".equalsIgnoreCase(KyvernoPolicies.action(spec, validate, ns))) {
        return "Enforce";
      }
    }
    return validates ? "Audit" : "no validate rule";
  }
}
