package dev.kubepci.pss;

import static dev.kubepci.pss.PssCheck.since;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.Set;

/**
 * {@code seLinuxOptions}: only the container SELinux types may be set, and never a user or role.
 */
final class SeLinuxOptionsCheck {
  private static final Set<String> TYPES_1_0 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t");
  private static final Set<String> TYPES_1_31 =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  static final List<PssCheck.Revision> REVISIONS =
      List.of(
          since(0, (pod, findings) -> check(pod, findings, TYPES_1_0)),
          since(31, (pod, findings) -> check(pod, findings, TYPES_1_31)));

  private SeLinuxOptionsCheck() {}

  private static void check(PodView pod, Findings findings, Set<String> allowedTypes) {
    for (PodView.Setting<SELinuxOptions> s : pod.settings("seLinuxOptions",
        PodSecurityContext::getSeLinuxOptions, SecurityContext::getSeLinuxOptions)) {
      checkOptions(findings, s.value(), s.path(), s.setter(), allowedTypes);
    }
  }

  private static void checkOptions(
      Findings findings,
      SELinuxOptions options,
      String path,
      String setter,
      Set<String> allowedTypes) {
    String type = options.getType() == null ? "" : options.getType();
    String prefix = setter + " set forbidden securityContext.seLinuxOptions: ";
    if (!allowedTypes.contains(type)) {
      findings.add(path + ".type", "seLinuxOptions", prefix + "type " + Text.quote(type));
    }
    if (options.getUser() != null && !options.getUser().isEmpty()) {
      findings.add(path + ".user", "seLinuxOptions", prefix + "user may not be set");
    }
    if (options.getRole() != null && !options.getRole().isEmpty()) {
      findings.add(path + ".role", "seLinuxOptions", prefix + "role may not be set");
    }
  }
}
