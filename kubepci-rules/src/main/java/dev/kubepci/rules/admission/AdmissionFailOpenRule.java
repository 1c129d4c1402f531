package dev.kubepci.rules.admission;

import dev.kubepci.admission.AdmissionEngine;
import dev.kubepci.admission.AdmissionWebhooks;
import dev.kubepci.admission.KubewardenPolicies;
import dev.kubepci.admission.KyvernoPolicies;
import dev.kubepci.admission.ObjectFields;
import dev.kubepci.admission.SecurityControls;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags workload-restricting admission that fails open: a policy engine's webhook for pods with failurePolicy Ignore,
 * or a Kyverno, Kubewarden, jsPolicy or ValidatingAdmissionPolicy policy that restricts pods and sets
 * failurePolicy Ignore.
 */
@RuleInfo(id = "KPCI-0104", name = "admission-fails-open", severity = Severity.MEDIUM,
    reads = {"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
    "kyverno.io/ClusterPolicy", "kyverno.io/Policy", "policies.kubewarden.io/ClusterAdmissionPolicy",
    "policies.kubewarden.io/AdmissionPolicy", "policy.jspolicy.com/JsPolicy"})
public final class AdmissionFailOpenRule implements ResourceRule {
  private static final Set<String> WEBHOOK_KINDS = Set.of("ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration");
  private static final FieldPath SPEC_FAILURE = FieldPath.root().child("spec").child("failurePolicy");

  @Override
  public boolean appliesTo(Resource r) {
    return WEBHOOK_KINDS.contains(r.kind())
        || r.is("admissionregistration.k8s.io", "ValidatingAdmissionPolicy")
        || r.is(KyvernoPolicies.GROUP, "ClusterPolicy") || r.is(KyvernoPolicies.GROUP, "Policy")
        || r.is(KubewardenPolicies.GROUP, "ClusterAdmissionPolicy") || r.is(KubewardenPolicies.GROUP, "AdmissionPolicy")
        || r.is("policy.jspolicy.com", "JsPolicy");
  }

  @Override
  public List<Violation> check(Resource r, RuleContext context) {
    if (WEBHOOK_KINDS.contains(r.kind())) {
      return webhooks(r, context);
    }
    Map<String, Object> tree = ObjectFields.tree(r);
    Map<String, Object> spec = ObjectFields.map(tree, "spec");
    if (r.group().equals(KyvernoPolicies.GROUP)) {
      FieldPath path = ObjectFields.has(spec, "failurePolicy") ? SPEC_FAILURE
          : FieldPath.root().child("spec").child("webhookConfiguration").child("failurePolicy");
      if (!KyvernoPolicies.failOpen(spec) || !restrictsPods(spec)) {
        return List.of();
      }
      return List.of(Violation.at(path, "Ignore", "Kyverno policy " + r.name()
          + " restricts pods but admits them unchecked when Kyverno fails (failurePolicy Ignore)"));
    }
    if (!"Ignore".equalsIgnoreCase(ObjectFields.string(spec, "failurePolicy"))) {
      return List.of();
    }
    String body = switch (r.kind()) {
      case "ValidatingAdmissionPolicy" -> ObjectFields.text(ObjectFields.list(spec, "validations"));
      case "JsPolicy" -> r.name() + " " + ObjectFields.string(spec, "javascript");
      default -> KubewardenPolicies.body(spec);
    };
    if (SecurityControls.named(body).isEmpty()) {
      return List.of();
    }
    return List.of(Violation.at(SPEC_FAILURE, "Ignore", r.kind() + " " + r.name()
        + " restricts pods but admits them unchecked when it cannot be evaluated (failurePolicy Ignore)"));
  }

  private static List<Violation> webhooks(Resource r, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (AdmissionWebhooks.Hook hook : AdmissionWebhooks.of(context.inventory()).all()) {
      if (hook.configuration() != r || !hook.seesPods() || hook.engine().isEmpty() || !hook.failOpen()) {
        continue;
      }
      // Kyverno registers an Ignore webhook for its fail-open policies next to the Fail one: the policies say which
      if (hook.engine().get() == AdmissionEngine.KYVERNO) {
        continue;
      }
      out.add(Violation.at(hook.path().child("failurePolicy"), hook.failurePolicy(), hook.engine().get().label()
          + " webhook " + hook.name() + " sees pods but lets them through when " + hook.engine().get().label()
          + " does not answer (failurePolicy " + hook.failurePolicy() + ")"));
    }
    return out;
  }

  private static boolean restrictsPods(Map<String, Object> spec) {
    for (Map<String, Object> rule : ObjectFields.maps(spec, "rules")) {
      boolean pods = KyvernoPolicies.appliesToPods(ObjectFields.map(rule, "match"));
      boolean validates = ObjectFields.has(rule, "validate", "podSecurity")
          || !SecurityControls.named(ObjectFields.text(ObjectFields.map(rule, "validate"))).isEmpty();
      if (pods && (validates || !ObjectFields.list(rule, "verifyImages").isEmpty())) {
        return true;
      }
    }
    return false;
  }
}
