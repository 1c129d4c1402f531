package dev.kubepci.admission;

import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads jsPolicy {@code JsPolicy} objects: validating policies ({@code type} Validating, the default) whose
 * {@code violationPolicy} is Deny (the default) rather than Warn or Dry, the resources and selectors they match, the
 * JavaScript they run (searched for the pod fields it checks) and {@code failurePolicy}.
 */
final class JsPolicies {
  private JsPolicies() {}

  static void collect(AdmissionContext context, NamespaceView ns, List<Enforcement> out) {
    for (Resource p : context.inventory().ofKind("policy.jspolicy.com", "JsPolicy")) {
      Map<String, Object> tree = ObjectFields.tree(p);
      Map<String, Object> spec = ObjectFields.map(tree, "spec");
      String type = ObjectFields.string(spec, "type");
      if (type != null && !type.equalsIgnoreCase("Validating")) {
        continue;
      }
      boolean pods = ObjectFields.strings(spec, "resources").stream()
          .anyMatch(PodResources::named);
      if (!pods) {
        continue;
      }
      var controls = SecurityControls.named(p.name() + " " + ObjectFields.string(spec, "javascript"));
      if (controls.isEmpty()
          || !LabelSelectors.matches(ObjectFields.selector(spec, "namespaceSelector"), Absent.SELECTS_ALL,
              ns.labels())) {
        continue;
      }
      List<String> exemptions = new ArrayList<>();
      PodResources.addObjectSelector(exemptions, ObjectFields.selector(spec, "objectSelector"));
      String violation = ObjectFields.string(spec, "violationPolicy");
      violation = violation == null ? "Deny" : violation;
      boolean failed = "Failed".equalsIgnoreCase(ObjectFields.string(tree, "status", "phase"));
      out.add(new Enforcement("jsPolicy", "JsPolicy/" + p.name(), violation.equalsIgnoreCase("Deny") && !failed,
          failed ? violation + ", status Failed" : violation, null, controls, context.seen(AdmissionEngine.JSPOLICY),
          "Ignore".equalsIgnoreCase(ObjectFields.string(spec, "failurePolicy")), exemptions));
    }
  }
}
