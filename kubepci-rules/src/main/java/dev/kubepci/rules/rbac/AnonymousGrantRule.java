package dev.kubepci.rules.rbac;

import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.SourcedRule;
import dev.kubepci.rbac.Subject;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.SubjectRule;
import dev.kubepci.rule.Violation;
import java.util.List;

/**
 * Flags grants to the anonymous user and the system:unauthenticated group beyond the discovery bindings Kubernetes
 * and kubeadm create (health, version and the kube-public cluster-info ConfigMap).
 */
@RuleInfo(id = "KPCI-0212", name = "anonymous-access-grant", severity = Severity.CRITICAL,
    reads = {"ClusterRoleBinding", "RoleBinding", "ClusterRole", "Role"})
public final class AnonymousGrantRule implements SubjectRule {
  @Override
  public List<Violation> check(Binding b, Binding.BindingSubject entry, Subject s, RuleContext context) {
    boolean anonymous = s.kind() == Subject.Kind.USER && Identity.ANONYMOUS.equals(s.name())
        || s.kind() == Subject.Kind.GROUP && Identity.UNAUTHENTICATED.equals(s.name());
    if (!anonymous) {
      return List.of();
    }
    boolean resources = b.role().map(r -> r.rules().stream().map(SourcedRule::rule)
        .anyMatch(p -> !p.resources().isEmpty())).orElse(true);
    Violation v = Violation.at(entry.path(), s.display(), s.display() + " (" + s.implicitMeaning().orElse("anyone")
        + ") is granted " + RoleText.granted(b) + " " + b.scopeText() + (resources ? ", including API resources" : ""));
    return List.of(resources ? v : v.withSeverity(Severity.HIGH));
  }
}
