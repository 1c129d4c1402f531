package dev.kubepci.rules.rbac;

import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Subject;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.SubjectRule;
import dev.kubepci.rule.Violation;
import java.util.List;

/** Flags bindings that give permissions to a namespace's default service account. */
@RuleInfo(id = "KPCI-0214", name = "default-serviceaccount-binding", severity = Severity.HIGH,
    reads = {"ClusterRoleBinding", "RoleBinding"})
public final class DefaultServiceAccountBindingRule implements SubjectRule {
  @Override
  public List<Violation> check(Binding b, Binding.BindingSubject entry, Subject s, RuleContext context) {
    boolean defaultAccount = s.kind() == Subject.Kind.SERVICE_ACCOUNT && "default".equals(s.name())
        || s.kind() == Subject.Kind.USER && s.name().startsWith("system:serviceaccount:")
        && s.name().endsWith(":default");
    if (!defaultAccount) {
      return List.of();
    }
    return List.of(Violation.at(entry.path(), s.display(), s.display()
        + " (a default service account, used by every pod that names none) is granted " + RoleText.granted(b) + " "
        + b.scopeText()));
  }
}
