package dev.kubepci.rules.rbac;

import dev.kubepci.model.Resource;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.RoleId;
import dev.kubepci.rbac.Subject;
import dev.kubepci.rbac.SystemGrants;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags bindings of the cluster-admin ClusterRole to users, groups and service accounts. The bindings Kubernetes
 * and kubeadm create themselves (the bootstrap binding of system:masters, kubeadm's cluster-admins group) are
 * expected and left to the generic-account check, as is system:masters, which bypasses authorization anyway.
 */
@RuleInfo(id = "KPCI-0008", name = "cluster-admin-binding", severity = Severity.CRITICAL, reads = {"ClusterRoleBinding",
    "RoleBinding"})
@EachObject({"rbac.authorization.k8s.io/ClusterRoleBinding", "rbac.authorization.k8s.io/RoleBinding"})
public final class ClusterAdminBindingRule implements ResourceRule {
  @Override
  public List<Violation> check(Resource resource, RuleContext context) {
    RoleRef roleRef;
    List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects;
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
    String scope = resource.kind().equals("RoleBinding") ? " in namespace " + resource.namespace() : " cluster-wide";
    List<Violation> out = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      Optional<Subject> subject = Subject.fromBinding(subjects.get(i), resource.namespace());
      // members of system:masters pass every authorization check anyway: binding them adds nothing (KPCI-0211
      // reports reliance on that group)
      if (subject.isEmpty() || subject.get().equals(Subject.group(Identity.MASTERS))
          || SystemGrants.isExpected(resource.kind(), resource.namespace(), resource.name(),
              RoleId.clusterRole("cluster-admin"), subject.get())) {
        continue;
      }
      String name = subject.get().display();
      String meaning = subject.get().implicitMeaning().map(m -> " (" + m + ")").orElse("");
      out.add(Violation.at(dev.kubepci.model.FieldPath.root().child("subjects").index(i), name,
          name + meaning + " is bound to cluster-admin" + scope));
    }
    return out;
  }
}
