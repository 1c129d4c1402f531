package dev.kubepci.rbac;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.HasRef;
import dev.kubepci.model.Resource;
import dev.kubepci.model.ResourceRef;
import java.util.List;
import java.util.Optional;

/**
 * A RoleBinding or ClusterRoleBinding with its role resolved (when the role is known) and its subjects.
 *
 * @param role empty when the referenced role is neither in the input nor a Kubernetes default
 */
public record Binding(Resource resource, RoleId roleRef, List<BindingSubject> subjects, Optional<Role> role)
    implements HasRef {
  public static final String ROLE_BINDING = "RoleBinding";
  public static final String CLUSTER_ROLE_BINDING = "ClusterRoleBinding";

  public Binding {
    subjects = List.copyOf(subjects);
  }

  /**
   * One entry of {@code subjects}.
   *
   * @param subject empty when the entry can never match (e.g. a ServiceAccount without namespace in a
   *     ClusterRoleBinding)
   * @param written the entry as written, for messages
   * @param expected true when Kubernetes itself (or kubeadm, or the managed provider) creates this grant
   */
  public record BindingSubject(int index, Optional<Subject> subject, String written, boolean expected) {
    public FieldPath path() {
      return FieldPath.root().child("subjects").index(index);
    }
  }

  /** The binding's; its namespace is null for a ClusterRoleBinding. */
  @Override
  public ResourceRef ref() {
    return resource.ref();
  }

  /** True for a ClusterRoleBinding: its grants hold in every namespace and for cluster-scoped resources. */
  public boolean isClusterWide() {
    return CLUSTER_ROLE_BINDING.equals(kind());
  }

  /** {@code ClusterRoleBinding/x} or {@code RoleBinding/ns/x}. */
  public String display() {
    return ref().displayName();
  }

  /** {@code cluster-wide} or {@code in namespace ns}. */
  public String scopeText() {
    return isClusterWide() ? "cluster-wide" : "in namespace " + namespace();
  }

  /** {@code cluster} or the namespace: the scope column of tables. */
  public String scopeCell() {
    return isClusterWide() ? "cluster" : namespace();
  }

  public FieldPath roleRefPath() {
    return FieldPath.root().child("roleRef").child("name");
  }
}
