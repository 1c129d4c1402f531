package dev.kubepci.result;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ResourceRef;
import java.util.List;
import java.util.Locale;

/**
 * Writes the {@code kubectl} command that shows a finding's evidence on a live cluster, so an assessor can check
 * it at the source: {@code kubectl get deployment.apps -n shop web -o jsonpath='{.spec.replicas}'}.
 */
public final class KubectlCommand {
  private KubectlCommand() {}

  /** Null when there is no object (a finding about the cluster as a whole). */
  public static String forEvidence(ResourceRef ref, String path) {
    if (ref == null || ref.kind() == null || ref.name() == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder("kubectl get ").append(resourceType(ref));
    if (ref.namespace() != null) {
      sb.append(" -n ").append(ref.namespace());
    }
    sb.append(' ').append(ref.name());
    if (path == null || path.isEmpty()) {
      return sb.append(" -o yaml").toString();
    }
    return sb.append(" -o jsonpath='{").append(jsonPath(path)).append("}'").toString();
  }

  /** {@code kind.group} in lower case (the group makes it unambiguous), plain {@code kind} for the core group. */
  static String resourceType(ResourceRef ref) {
    String kind = ref.kind().toLowerCase(Locale.ROOT);
    return ref.group().isEmpty() ? kind : kind + "." + ref.group();
  }

  /** kubectl's JSONPath for a field path: dots inside keys are escaped with a backslash. */
  static String jsonPath(String path) {
    List<Object> segments;
    try {
      segments = FieldPath.parse(path).segments();
    } catch (IllegalArgumentException e) {
      return "." + path;
    }
    StringBuilder sb = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        String key = segment.toString().replace("\\", "\\\\").replace(".", "\\.").replace("'", "");
        sb.append('.').append(key);
      }
    }
    return sb.toString();
  }
}
