package dev.kubepci.rule;

import dev.kubepci.model.Resource;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Subject;
import java.util.List;

/**
 * A rule about each subject of each RoleBinding and ClusterRoleBinding. The engine passes over subjects it cannot
 * read and counts the grants Kubernetes itself creates (its bootstrap and add-on bindings) as passing without asking
 * the rule, unless the rule {@link #includesBuiltInGrants() includes them}; without any binding the rule is
 * NOT_APPLICABLE. Findings are on the binding. A rule that {@link #checksKubeconfigUsers() checks kubeconfig users}
 * too sees each user of the kubeconfig given with the scan after the bindings, with findings on the user.
 */
public non-sealed interface SubjectRule extends Rule {
  /** The NOT_APPLICABLE reason without bindings. */
  String NO_BINDINGS = "no RoleBinding or ClusterRoleBinding in the input";

  /** The NOT_APPLICABLE reason without bindings and kubeconfig users, for a rule that checks both. */
  String NO_BINDINGS_OR_USERS = "no binding and no kubeconfig user in the input";

  /** The violations of {@code subject} as {@code binding} grants to it; empty when it passes. */
  List<Violation> check(Binding binding, Binding.BindingSubject entry, Subject subject, RuleContext context);

  /**
   * True when the rule is asked about the grants Kubernetes itself creates too ({@link
   * Binding.BindingSubject#expected()}), because one of them is what it looks for (kubeadm's generic admin group,
   * say); false (the default): they pass unasked.
   */
  default boolean includesBuiltInGrants() {
    return false;
  }

  /**
   * True when the rule also checks each {@code KubeconfigUser} with {@link #checkKubeconfigUser}; it is then
   * NOT_APPLICABLE only without bindings and kubeconfig users ({@link #NO_BINDINGS_OR_USERS}).
   */
  default boolean checksKubeconfigUsers() {
    return false;
  }

  /** The violations of one kubeconfig user, for a rule that {@link #checksKubeconfigUsers()}; empty when it passes. */
  default List<Violation> checkKubeconfigUser(Resource user, RuleContext context) {
    return List.of();
  }
}
