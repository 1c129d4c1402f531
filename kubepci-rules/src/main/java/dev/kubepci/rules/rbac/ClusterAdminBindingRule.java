package dev.kubepci.rules.rbac;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags bindings of the cluster-admin ClusterRole to users, groups and service accounts. Bindings Kubernetes itself
 * creates (named {@code cluster-admin} or {@code system:...}, bound to {@code system:} subjects) are expected.
 */
@RuleInfo(
    id = "KPCI-0008",
    name = "cluster-admin-binding",
    title = "The cluster-admin role is not bound to users, groups or workloads",
    severity = Severity.CRITICAL,
    rationale = "The cluster-admin role grants every verb on every resource through wildcards: whoever holds it can read "
        + "every secret, run code on every node and change the audit trail. The guidance asks for least privilege "
        + "and no blanket administrative access for routine work.",
    remediation = "Replace the binding with roles that grant only what the subject needs, scoped to namespaces with "
        + "RoleBindings. Keep cluster-wide administration for a break-glass identity that is vaulted and audited.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/"},
    reads = {"ClusterRoleBinding", "RoleBinding"})
public final class ClusterAdminBindingRule implements ResourceRule {
  @Override
  public boolean appliesTo(Resource resource) {
    return resource.is("rbac.authorization.k8s.io", "ClusterRoleBinding")
        || resource.is("rbac.authorization.k8s.io", "RoleBinding");
  }

  @Override
  public List<Violation> check(Resource resource, RuleContext context) {
    RoleRef roleRef;
    List<Subject> subjects;
    if (resource.object() instanceof ClusterRoleBinding crb) {
      roleRef = crb.getRoleRef();
      subjects = crb.getSubjects();
    } else if (resource.object() instanceof RoleBinding rb) {
      roleRef = rb.getRoleRef();
      subjects = rb.getSubjects();
    } else {
      return List.of();
    }
    if (roleRef == null || !"ClusterRole".equals(roleRef.getKind()) || !"cluster-admin".equals(roleRef.getName())
        || subjects == null) {
      return List.of();
    }
    // Kubernetes' bootstrap policy binds cluster-admin to the group system:masters in a binding of the same name
    boolean systemBinding = resource.name() != null
        && (resource.name().startsWith("system:") || resource.name().equals("cluster-admin"));
    String scope = resource.kind().equals("RoleBinding") ? " in namespace " + resource.namespace() : " cluster-wide";
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      Subject s = subjects.get(i);
      String name = s.getKind() + " " + (s.getNamespace() != null && "ServiceAccount".equals(s.getKind())
          ? s.getNamespace() + "/" : "") + s.getName();
      if (systemBinding && s.getName() != null && s.getName().startsWith("system:")) {
        continue;
      }
      out.add(Violation.at(FieldPath.root().child("subjects").index(i), name,
          name + " is bound to cluster-admin" + scope));
    }
    return out;
  }
}
