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
@RuleInfo(
    id = "KPCI-0214",
    name = "default-serviceaccount-binding",
    title = "Default service accounts hold no permissions",
    severity = Severity.HIGH,
    rationale = "Every pod that names no service account runs as its namespace's default service account, so a "
        + "permission given to it goes to every such pod, including ones deployed later by people who never asked "
        + "for it. Third-party installers are known to bind powerful roles to it.",
    remediation = "Create a dedicated service account for each workload that needs the Kubernetes API, bind the "
        + "role to that account, and remove the binding from the default service account.",
    references = {"https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
        "https://kubernetes.io/docs/concepts/security/rbac-good-practices/"},
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
