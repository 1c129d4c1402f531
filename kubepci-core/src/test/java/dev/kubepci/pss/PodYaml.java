package dev.kubepci.pss;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** Test fixtures written inline as YAML, evaluated the way the CLI will evaluate a Pod. */
final class PodYaml {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** A pod that meets the restricted level at every version, for tests to start from. */
  static final String RESTRICTED_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: good
      spec:
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
        containers:
        - name: app
          image: registry.k8s.io/pause
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
      """;

  private PodYaml() {}

  /**
   * {@link #RESTRICTED_POD} with extra lines: {@code specLines} are fields of the pod spec and
   * {@code containerSecurityLines} fields of the container's securityContext, both written
   * without indentation.
   */
  static String restrictedPodWith(String specLines, String containerSecurityLines) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: good
        spec:
        %s  securityContext:
            runAsNonRoot: true
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: app
            image: registry.k8s.io/pause
            securityContext:
        %s      allowPrivilegeEscalation: false
              capabilities:
                drop: ["ALL"]
        """
        .formatted(specLines.strip().isEmpty() ? "" : specLines.stripTrailing().indent(2),
            containerSecurityLines.strip().isEmpty()
                ? ""
                : containerSecurityLines.stripTrailing().indent(6));
  }

  static <T> T parse(String yaml, Class<T> type) {
    return SERIALIZATION.unmarshal(yaml, type);
  }

  static PssVerdict evaluate(PssLevel level, String version, String podYaml) {
    Pod pod = parse(podYaml, Pod.class);
    return PodSecurityStandards.evaluate(
        level, PssVersion.parse(version), pod.getMetadata(), "metadata", pod.getSpec(), "spec");
  }

  static PssVerdict baseline(String version, String podYaml) {
    return evaluate(PssLevel.BASELINE, version, podYaml);
  }

  static PssVerdict restricted(String version, String podYaml) {
    return evaluate(PssLevel.RESTRICTED, version, podYaml);
  }

  static List<String> checks(PssVerdict verdict) {
    return verdict.violations().stream().map(PssViolation::check).distinct().toList();
  }

  static List<String> paths(PssVerdict verdict) {
    return verdict.violations().stream().map(PssViolation::path).toList();
  }
}
