package dev.kubepci.rbac;

import dev.kubepci.model.FieldPath;

/**
 * One permission rule that one binding gives one subject: the unit of evidence "subject -> permission -> binding
 * -> role". RoleBinding grants hold only in the binding's namespace and only for namespaced resources;
 * ClusterRoleBinding grants hold everywhere, including cluster-scoped resources and non-resource URLs.
 */
public record Grant(Binding binding, Binding.BindingSubject bindingSubject, Subject subject, Role role,
    SourcedRule rule) {

  public PolicyRule policyRule() {
    return rule.rule();
  }

  /** True when Kubernetes, kubeadm or the managed provider create this grant themselves. */
  public boolean expected() {
    return bindingSubject.expected();
  }

  /** Where the subject sits in the binding: {@code subjects[i]}. */
  public FieldPath subjectPath() {
    return bindingSubject.path();
  }

  /** True when this grant allows {@code request}, as the RBAC authorizer decides it. */
  public boolean allows(AccessRequest request) {
    return coversScope(request) && rule.rule().allows(request);
  }

  /** True when this grant allows {@code permission} for at least one object name in its scope. */
  public boolean couldAllow(Permission permission) {
    if (!binding.isClusterWide() && permission.clusterScoped()) {
      return false;
    }
    return rule.rule().couldAllow(permission.verb(), permission.apiGroup(), permission.resource(),
        permission.subresource());
  }

  private boolean coversScope(AccessRequest request) {
    if (binding.isClusterWide()) {
      return true;
    }
    if (!request.isNamespaced()) {
      return false;
    }
    return request.allNamespaces() || binding.namespace().equals(request.namespace());
  }

  /** {@code Group devs -> apiGroups=[""] resources=[secrets] verbs=[get] -> RoleBinding/ns/b -> Role/ns/r rules[0]}. */
  public String evidence() {
    return subject.display() + " -> " + rule.rule().describe() + " -> " + binding.display() + " -> "
        + rule.describeOrigin();
  }
}
