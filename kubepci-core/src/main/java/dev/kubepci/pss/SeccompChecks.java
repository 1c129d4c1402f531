package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code seccompProfile_baseline}: a seccomp profile, if set, must not be unconfined; before v1.19
 * the profile was expressed with annotations, from v1.19 with the securityContext field (the
 * annotations are no longer looked at). {@code seccompProfile_restricted}: from v1.19 a
 * RuntimeDefault or Localhost profile must be set, at pod level or on every container.
 */
final class SeccompChecks {
  private static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String CONTAINER_ANNOTATION_PREFIX =
      "container.seccomp.security.alpha.kubernetes.io/";
  private static final String REASON = "seccompProfile";

  private SeccompChecks() {}

  static void baselineV1Dot0(PodView pod, Findings findings) {
    checkAnnotation(pod, findings, POD_ANNOTATION);
    for (ContainerView c : pod.containers()) {
      checkAnnotation(pod, findings, CONTAINER_ANNOTATION_PREFIX + c.name());
    }
  }

  private static void checkAnnotation(PodView pod, Findings findings, String key) {
    if (!pod.annotations().containsKey(key)) {
      return;
    }
    String value = pod.annotations().get(key) == null ? "" : pod.annotations().get(key);
    if (!value.equals("runtime/default")
        && !value.equals("docker/default")
        && !value.startsWith("localhost/")) {
      findings.add(
          pod.annotationPath(key), REASON, "forbidden annotation " + key + "=" + Text.quote(value));
    }
  }

  static void baselineV1Dot19(PodView pod, Findings findings) {
    explicitlyBad(pod, findings);
  }

  /** Flags every explicitly set profile whose type is not allowed; returns whether any was. */
  private static boolean explicitlyBad(PodView pod, Findings findings) {
    boolean found = false;
    for (PodView.Setting<SeccompProfile> s : pod.settings("seccompProfile.type",
        PodSecurityContext::getSeccompProfile, SecurityContext::getSeccompProfile)) {
      found |= flagType(findings, s.value(), s.path(), s.setter());
    }
    return found;
  }

  private static boolean flagType(
      Findings findings, SeccompProfile profile, String path, String setter) {
    if (validType(profile)) {
      return false;
    }
    findings.add(
        path,
        REASON,
        setter + " must not set securityContext.seccompProfile.type to "
            + Text.quote(profile.getType()));
    return true;
  }

  private static boolean validType(SeccompProfile profile) {
    return "RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType());
  }

  static void restrictedV1Dot19(PodView pod, Findings findings) {
    if (explicitlyBad(pod, findings)) {
      // As upstream: a bad explicit value is the whole story; containers that merely inherit
      // from a bad pod-level value are not reported twice.
      return;
    }
    boolean podSet =
        pod.securityContext() != null
            && pod.securityContext().getSeccompProfile() != null
            && validType(pod.securityContext().getSeccompProfile());
    if (podSet) {
      return;
    }
    List<ContainerView> unset = new ArrayList<>();
    for (ContainerView c : pod.containers()) {
      if (c.securityContext() == null || c.securityContext().getSeccompProfile() == null) {
        unset.add(c);
      }
    }
    for (ContainerView c : unset) {
      findings.add(
          c.securityContextPath("seccompProfile.type"),
          REASON,
          "pod or " + c.label()
              + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or"
              + " \"Localhost\"");
    }
  }
}
