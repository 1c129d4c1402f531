package dev.kubepci.rules.rbac;

import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.Subject;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.SubjectRule;
import dev.kubepci.rule.Violation;
import java.util.List;

/**
 * Flags grants to the built-in groups every authenticated user or every service account belongs to
 * (system:authenticated, system:serviceaccounts, system:serviceaccounts:NAMESPACE), beyond Kubernetes' own.
 */
@RuleInfo(id = "KPCI-0213", name = "broad-group-grant", severity = Severity.HIGH, reads = {"ClusterRoleBinding",
    "RoleBinding"})
public final class BroadGroupGrantRule implements SubjectRule {
  @Override
  public List<Violation> check(Binding b, Binding.BindingSubject entry, Subject s, RuleContext context) {
    boolean broad = s.kind() == Subject.Kind.GROUP && (Identity.AUTHENTICATED.equals(s.name())
        || s.name().equals(Identity.SERVICE_ACCOUNTS) || s.name().startsWith(Identity.SERVICE_ACCOUNTS + ":"));
    if (!broad) {
      return List.of();
    }
    Violation v = Violation.at(entry.path(), s.display(), s.display() + " (" + s.implicitMeaning().orElse("")
        + ") is granted " + RoleText.granted(b) + " " + b.scopeText());
    return List.of(s.name().startsWith(Identity.SERVICE_ACCOUNTS + ":") ? v.withSeverity(Severity.MEDIUM) : v);
  }
}
