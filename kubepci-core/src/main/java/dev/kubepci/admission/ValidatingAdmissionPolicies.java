package dev.kubepci.admission;

import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the API server's built-in CEL policies: {@code ValidatingAdmissionPolicy} (what it matches, its validations
 * and {@code failurePolicy}) and the {@code ValidatingAdmissionPolicyBinding}s that put it in force
 * ({@code validationActions} Deny, Warn or Audit, and {@code matchResources}). A policy without a binding does
 * nothing.
 */
final class ValidatingAdmissionPolicies {
  private ValidatingAdmissionPolicies() {}

  static void collect(AdmissionContext context, NamespaceView ns, List<Enforcement> out) {
    Map<String, Resource> policies = new HashMap<>();
    for (Resource p : context.inventory().ofKind("admissionregistration.k8s.io", "ValidatingAdmissionPolicy")) {
      policies.putIfAbsent(p.name(), p);
    }
    for (Resource binding : context.inventory().ofKind("admissionregistration.k8s.io",
        "ValidatingAdmissionPolicyBinding")) {
      Map<String, Object> bspec = ObjectFields.map(ObjectFields.tree(binding), "spec");
      Resource policy = policies.get(ObjectFields.string(bspec, "policyName"));
      if (policy == null) {
        continue;
      }
      Map<String, Object> pspec = ObjectFields.map(ObjectFields.tree(policy), "spec");
      Map<String, Object> constraints = ObjectFields.map(pspec, "matchConstraints");
      if (!PodResources.inRules(ObjectFields.maps(constraints, "resourceRules"))) {
        continue;
      }
      var controls = SecurityControls.named(ObjectFields.text(ObjectFields.list(pspec, "validations")) + " "
          + ObjectFields.text(ObjectFields.list(pspec, "variables")));
      if (controls.isEmpty()) {
        continue;
      }
      Map<String, Object> resources = ObjectFields.map(bspec, "matchResources");
      if (!LabelSelectors.matches(ObjectFields.selector(constraints, "namespaceSelector"), Absent.SELECTS_ALL,
          ns.labels())
          || !LabelSelectors.matches(ObjectFields.selector(resources, "namespaceSelector"), Absent.SELECTS_ALL,
              ns.labels())) {
        continue;
      }
      if (!resources.isEmpty() && ObjectFields.has(resources, "resourceRules")
          && !PodResources.inRules(ObjectFields.maps(resources, "resourceRules"))) {
        continue;
      }
      List<String> exemptions = new ArrayList<>();
      for (Map<String, Object> sel : List.of(ObjectFields.map(constraints, "objectSelector"),
          ObjectFields.map(resources, "objectSelector"))) {
        PodResources.addObjectSelector(exemptions, sel);
      }
      if (!ObjectFields.list(pspec, "matchConditions").isEmpty()) {
        exemptions.add("matchConditions narrow the requests it sees");
      }
      List<String> actions = ObjectFields.strings(bspec, "validationActions");
      boolean deny = actions.stream().anyMatch("Deny"::equalsIgnoreCase);
      out.add(new Enforcement("ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding/" + binding.name()
          + " -> " + policy.name(), deny, String.join("+", actions), null, controls, true,
          "Ignore".equalsIgnoreCase(ObjectFields.string(pspec, "failurePolicy")), exemptions));
    }
  }
}
