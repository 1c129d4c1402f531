package dev.kubepci.rbac;

import java.util.Objects;

/**
 * Names a Role (kind {@code Role}, with its namespace) or a ClusterRole (kind {@code ClusterRole}, no namespace).
 */
public record RoleId(String kind, String namespace, String name) {
  public static final String ROLE = "Role";
  public static final String CLUSTER_ROLE = "ClusterRole";

  public RoleId {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    namespace = CLUSTER_ROLE.equals(kind) || namespace == null || namespace.isEmpty() ? null : namespace;
  }

  public static RoleId clusterRole(String name) {
    return new RoleId(CLUSTER_ROLE, null, name);
  }

  public static RoleId role(String namespace, String name) {
    return new RoleId(ROLE, namespace, name);
  }

  public boolean isClusterRole() {
    return CLUSTER_ROLE.equals(kind);
  }

  /** {@code ClusterRole/edit} or {@code Role/payments/pod-exec}. */
  public String display() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return display();
  }
}
