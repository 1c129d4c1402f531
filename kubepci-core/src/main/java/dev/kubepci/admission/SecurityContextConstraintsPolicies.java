package dev.kubepci.admission;

import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads OpenShift {@code SecurityContextConstraints}. On OpenShift the SCC admission plugin judges every pod; what it
 * allows in a namespace is the most permissive SCC that the namespace's service accounts may use. Only grants written
 * on the SCC itself ({@code users} and {@code groups}) are read here; grants through RBAC {@code use} are listed as a
 * caveat.
 */
final class SecurityContextConstraintsPolicies {
  private SecurityContextConstraintsPolicies() {}

  static void collect(AdmissionContext context, NamespaceView ns, List<Enforcement> out) {
    List<Resource> sccs = context.inventory().ofKind("security.openshift.io", "SecurityContextConstraints");
    if (sccs.isEmpty()) {
      return;
    }
    Set<String> allowed = new TreeSet<>();
    List<String> usable = new ArrayList<>();
    String saPrefix = "system:serviceaccount:" + ns.name() + ":";
    for (Resource scc : sccs) {
      Map<String, Object> tree = ObjectFields.tree(scc);
      boolean grants = ObjectFields.strings(tree, "users").stream().anyMatch(u -> u.startsWith(saPrefix))
          || ObjectFields.strings(tree, "groups").stream().anyMatch(g -> g.equals("system:serviceaccounts:" + ns.name())
              || g.equals("system:serviceaccounts") || g.equals("system:authenticated"));
      if (!grants) {
        continue;
      }
      usable.add(scc.name());
      if (flag(tree, "allowPrivilegedContainer")) {
        allowed.add("privileged");
      }
      if (flag(tree, "allowHostNetwork") || flag(tree, "allowHostPID") || flag(tree, "allowHostIPC")) {
        allowed.add("hostNamespaces");
      }
      if (flag(tree, "allowHostDirVolumePlugin")) {
        allowed.add("hostPathVolumes");
      }
      if (flag(tree, "allowHostPorts")) {
        allowed.add("hostPorts");
      }
      if (!ObjectFields.strings(tree, "allowedCapabilities").isEmpty()) {
        allowed.add("capabilities_baseline");
      }
      if (!"MustRunAsNonRoot".equals(ObjectFields.string(tree, "runAsUser", "type"))
          && !"MustRunAsRange".equals(ObjectFields.string(tree, "runAsUser", "type"))) {
        allowed.add("runAsNonRoot");
      }
    }
    Set<String> controls = SecurityControls.ofLevel(dev.kubepci.pss.PssLevel.BASELINE);
    controls.removeAll(allowed);
    List<String> exemptions = new ArrayList<>();
    if (!allowed.isEmpty()) {
      exemptions.add("SCCs usable here allow " + String.join(", ", allowed));
    }
    exemptions.add("SCC grants through RBAC 'use' are not evaluated");
    out.add(new Enforcement("OpenShift SCC", usable.isEmpty() ? "SecurityContextConstraints (no grant on the SCCs)"
        : "SecurityContextConstraints/" + String.join(",", usable), true, "admission plugin", null, controls, true,
        false, exemptions));
  }

  private static boolean flag(Map<String, Object> tree, String field) {
    return "true".equalsIgnoreCase(String.valueOf(ObjectFields.string(tree, field)));
  }
}
