package dev.kubepci.rbac;

import dev.kubepci.model.ModelSerialization;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ClusterRoles every Kubernetes API server creates ({@code cluster-admin}, {@code admin}, {@code edit},
 * {@code view}, the aggregation building blocks and the discovery roles), bundled with kubepci so that a binding
 * to one of them can be resolved when the input does not hold it.
 */
public final class KubernetesDefaults {
  static final String RESOURCE = "/dev/kubepci/rbac/kubernetes-default-cluster-roles.yaml";

  private KubernetesDefaults() {}

  /** Loaded once, on first use. */
  private static final class Holder {
    static final Map<String, ClusterRole> ROLES = load();
  }

  private static Map<String, ClusterRole> load() {
    try (InputStream in = KubernetesDefaults.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + RESOURCE);
      }
      KubernetesList list = ModelSerialization.shared().unmarshal(in, KubernetesList.class);
      Map<String, ClusterRole> roles = new LinkedHashMap<>();
      for (HasMetadata item : list.getItems()) {
        ClusterRole role = (ClusterRole) item;
        roles.put(role.getMetadata().getName(), role);
      }
      return java.util.Collections.unmodifiableMap(roles);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every default ClusterRole by name, in file order. */
  public static Map<String, ClusterRole> clusterRoles() {
    return Holder.ROLES;
  }

  public static Optional<ClusterRole> clusterRole(String name) {
    return Optional.ofNullable(Holder.ROLES.get(name));
  }
}
