package dev.kubepci.admission;

import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubewarden {@code ClusterAdmissionPolicy}, {@code AdmissionPolicy} and their policy groups: the WebAssembly
 * module (whose name says which controls it restricts, e.g. {@code pod-privileged}), {@code mode} ({@code protect},
 * the default, or {@code monitor}), the rules, selectors and {@code failurePolicy}. Kubewarden never targets its own
 * namespace unless a policy sets {@code allowInsideAdmissionControllerNamespace}.
 */
public final class KubewardenPolicies {
  public static final String GROUP = "policies.kubewarden.io";
  private KubewardenPolicies() {}

  static List<Resource> policies(AdmissionContext context) {
    List<Resource> out = new ArrayList<>();
    for (String kind : List.of("ClusterAdmissionPolicy", "AdmissionPolicy", "ClusterAdmissionPolicyGroup",
        "AdmissionPolicyGroup")) {
      out.addAll(context.inventory().ofKind(GROUP, kind));
    }
    return out;
  }

  /** The module references and settings of a policy or of every member of a group, as searchable text. */
  public static String body(Map<String, Object> spec) {
    StringBuilder sb = new StringBuilder(String.valueOf(ObjectFields.string(spec, "module")));
    sb.append(' ').append(ObjectFields.text(ObjectFields.map(spec, "settings")));
    sb.append(' ').append(ObjectFields.text(ObjectFields.map(spec, "policies")));
    return sb.toString();
  }

  static void collect(AdmissionContext context, NamespaceView ns, List<Enforcement> out, List<String> exclusions) {
    for (Resource p : policies(context)) {
      boolean namespaced = !p.kind().startsWith("Cluster");
      if (namespaced && !ns.name().equals(p.namespace())) {
        continue;
      }
      Map<String, Object> tree = ObjectFields.tree(p);
      Map<String, Object> spec = ObjectFields.map(tree, "spec");
      if (!PodResources.inRules(ObjectFields.maps(spec, "rules"))) {
        continue;
      }
      var controls = SecurityControls.named(body(spec));
      if (controls.isEmpty()) {
        continue;
      }
      if (!LabelSelectors.matches(ObjectFields.selector(spec, "namespaceSelector"), Absent.SELECTS_ALL, ns.labels())) {
        continue;
      }
      boolean inside = "true".equalsIgnoreCase(String.valueOf(ObjectFields.string(spec,
          "allowInsideAdmissionControllerNamespace")));
      if (!inside && context.engineNamespace(AdmissionEngine.KUBEWARDEN).filter(ns.name()::equals).isPresent()) {
        exclusions.add("Kubewarden " + p.kind() + "/" + p.name() + " never targets Kubewarden's own namespace");
        continue;
      }
      List<String> exemptions = new ArrayList<>();
      PodResources.addObjectSelector(exemptions, ObjectFields.selector(spec, "objectSelector"));
      String mode = ObjectFields.string(spec, "mode");
      mode = mode == null ? "protect" : mode;
      String status = ObjectFields.string(tree, "status", "policyStatus");
      boolean active = status == null || "active".equalsIgnoreCase(status);
      out.add(new Enforcement("Kubewarden", p.kind() + "/" + (namespaced ? p.namespace() + "/" : "") + p.name(),
          "protect".equalsIgnoreCase(mode) && active, active ? mode : mode + ", status " + status, null, controls,
          context.seen(AdmissionEngine.KUBEWARDEN),
          "Ignore".equalsIgnoreCase(ObjectFields.string(spec, "failurePolicy")), exemptions));
    }
  }
}
