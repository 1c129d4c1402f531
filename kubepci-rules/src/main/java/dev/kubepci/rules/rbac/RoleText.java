package dev.kubepci.rules.rbac;

import dev.kubepci.rbac.Binding;

/** How the subject rules name what a binding grants. */
final class RoleText {
  private RoleText() {}

  /** {@code ClusterRole/edit}, or the reference with a remark when the role is not in the input. */
  static String granted(Binding b) {
    return b.role().map(r -> r.display()).orElse(b.roleRef().display() + " (not in the input)");
  }
}
