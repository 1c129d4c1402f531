package dev.kubepci.rule;

import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Subject;
import java.util.List;

/**
 * A rule about each subject of each RoleBinding and ClusterRoleBinding. The engine passes over subjects it cannot
 * read and counts the grants Kubernetes itself creates (its bootstrap and add-on bindings) as passing without asking
 * the rule; without any binding the rule is NOT_APPLICABLE. Findings are on the binding.
 */
public non-sealed interface SubjectRule extends Rule {
  /** The NOT_APPLICABLE reason without bindings. */
  String NO_BINDINGS = "no RoleBinding or ClusterRoleBinding in the input";

  /** The violations of {@code subject} as {@code binding} grants to it; empty when it passes. */
  List<Violation> check(Binding binding, Binding.BindingSubject entry, Subject subject, RuleContext context);
}
