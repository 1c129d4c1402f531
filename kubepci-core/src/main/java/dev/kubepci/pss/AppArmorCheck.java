package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code appArmorProfile}: the AppArmor profile may not be overridden to an unconfined one.
 *
 * <p>Upstream has a single revision at v1.0 and amended it in place when the {@code
 * appArmorProfile} fields arrived, so fields and the deprecated annotations are both checked at
 * every policy version.
 */
final class AppArmorCheck {
  private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
  private static final String REASON_ONE = "forbidden AppArmor profile";

  private AppArmorCheck() {}

  static void v1Dot0(PodView pod, Findings findings) {
    for (PodView.Setting<AppArmorProfile> s : pod.settings("appArmorProfile.type",
        PodSecurityContext::getAppArmorProfile, SecurityContext::getAppArmorProfile)) {
      checkField(findings, s.value(), s.path(), s.setter());
    }
    // Sorted so that the order of findings does not depend on the map implementation.
    for (Map.Entry<String, String> e : new TreeMap<>(pod.annotations()).entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue();
      if (e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotationValue(value)) {
        findings.add(pod.annotationPath(e.getKey()), REASON_ONE, e.getKey() + "=" + Text.quote(value));
      }
    }
  }

  private static void checkField(
      Findings findings, AppArmorProfile profile, String path, String setter) {
    String type = profile.getType();
    if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
      findings.add(
          path,
          REASON_ONE,
          setter + " must not set securityContext.appArmorProfile.type to " + Text.quote(type));
    }
  }

  private static boolean allowedAnnotationValue(String value) {
    return value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
  }
}
