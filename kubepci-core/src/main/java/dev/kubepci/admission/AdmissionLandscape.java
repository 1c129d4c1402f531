package dev.kubepci.admission;

import dev.kubepci.model.Inventory;
import dev.kubepci.pss.PssLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which admission mechanisms restrict workloads in each namespace: Pod Security admission labels, Kyverno,
 * Gatekeeper, ValidatingAdmissionPolicy, Kubewarden, jsPolicy and OpenShift SCCs, each with its mode, the controls it
 * covers, its webhook's failure policy and the exemptions. Computed once per inventory and shared by the rules.
 */
public final class AdmissionLandscape {
  private AdmissionLandscape() {}

  /** The admission view of one namespace (computed on demand, cached per inventory). */
  public static NamespaceAdmission of(Inventory inventory, String namespace) {
    SortedMap<String, NamespaceAdmission> cache = inventory.derived(AdmissionLandscape.class,
        inv -> Collections.synchronizedSortedMap(new TreeMap<>()));
    return cache.computeIfAbsent(namespace, ns -> compute(inventory, ns));
  }

  private static NamespaceAdmission compute(Inventory inventory, String name) {
    AdmissionContext context = AdmissionContext.of(inventory);
    NamespaceView ns = NamespaceView.of(inventory, name);
    PodSecurityLabels psa = PodSecurityLabels.of(ns.labels());
    List<Enforcement> out = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    podSecurityAdmission(ns, psa, out);
    KyvernoPolicies.collect(context, ns, out, exclusions);
    GatekeeperPolicies.collect(context, ns, out, exclusions);
    ValidatingAdmissionPolicies.collect(context, ns, out);
    KubewardenPolicies.collect(context, ns, out, exclusions);
    JsPolicies.collect(context, ns, out);
    SecurityContextConstraintsPolicies.collect(context, ns, out);
    return new NamespaceAdmission(ns, psa, out, exclusions);
  }

  private static void podSecurityAdmission(NamespaceView ns, PodSecurityLabels psa, List<Enforcement> out) {
    if (!ns.known()) {
      return;
    }
    PodSecurityLabels.Mode enforce = psa.enforce();
    if (enforce.isSet()) {
      PssLevel level = enforce.level();
      out.add(new Enforcement(Enforcement.PSA, "Namespace/" + ns.name(),
          level != PssLevel.PRIVILEGED, "enforce=" + enforce.describe(), level,
          level == PssLevel.PRIVILEGED ? java.util.Set.of() : SecurityControls.ofLevel(level), true, false,
          List.of()));
    }
    for (PodSecurityLabels.Mode m : List.of(psa.audit(), psa.warn())) {
      if (m.isSet() && m.level() != PssLevel.PRIVILEGED) {
        out.add(new Enforcement(Enforcement.PSA, "Namespace/" + ns.name(), false,
            m.name() + "=" + m.describe(), m.level(), SecurityControls.ofLevel(m.level()), true, false, List.of()));
      }
    }
  }
}
