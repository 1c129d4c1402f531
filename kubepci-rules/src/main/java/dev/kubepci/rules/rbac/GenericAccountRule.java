package dev.kubepci.rules.rbac;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Identity;
import dev.kubepci.rbac.Subject;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.SubjectRule;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Flags generic and hard-coded accounts: bindings to system:masters (other than Kubernetes' own), to kubeadm's
 * kubernetes-admin user and kubeadm:cluster-admins group, and to users with generic or shared names; and kubeconfig
 * users whose client certificate names such an identity. It is asked about the grants Kubernetes itself creates too:
 * kubeadm's own binding of kubeadm:cluster-admins is the generic admin credential it looks for.
 */
@RuleInfo(id = "KPCI-0211", name = "generic-admin-account", severity = Severity.HIGH, reads = {"ClusterRoleBinding",
    "RoleBinding", "kubepci.dev/KubeconfigUser"})
public final class GenericAccountRule implements SubjectRule {
  @Override
  public boolean includesBuiltInGrants() {
    return true;
  }

  @Override
  public boolean checksKubeconfigUsers() {
    return true;
  }

  @Override
  public List<Violation> check(Binding b, Binding.BindingSubject bs, Subject s, RuleContext context) {
    String via = " through " + b.display() + " -> " + b.roleRef().display();
    if (s.kind() == Subject.Kind.GROUP && Identity.MASTERS.equals(s.name())) {
      if (bs.expected()) {
        return List.of();
      }
      return List.of(Violation.at(bs.path(), s.display(), "Group system:masters is bound" + via
          + ": it is a hard-coded superuser group whose members bypass authorization").withSeverity(Severity.CRITICAL));
    }
    if (s.kind() == Subject.Kind.GROUP && "kubeadm:cluster-admins".equals(s.name())) {
      return List.of(Violation.at(bs.path(), s.display(), "Group kubeadm:cluster-admins (the group of kubeadm's "
          + "generic admin.conf credential) is bound" + via).withSeverity(Severity.MEDIUM));
    }
    if (s.kind() == Subject.Kind.USER) {
      Optional<String> why = GenericNames.why(s.name());
      if (why.isPresent()) {
        return List.of(Violation.at(bs.path(), s.display(), s.display() + " is " + why.get() + via));
      }
    }
    return List.of();
  }

  @Override
  public List<Violation> checkKubeconfigUser(Resource user, RuleContext context) {
    int index = ((Number) user.field("spec", "index").orElse(0)).intValue();
    FieldPath base = FieldPath.root().child("users").index(index);
    List<?> orgs = user.list("spec", "certificate", "organizations");
    String cn = user.string("spec", "certificate", "commonName").orElse(null);
    if (orgs.contains(Identity.MASTERS)) {
      return List.of(Violation.at(base.child("user").child("client-certificate-data"), "O=system:masters",
          "kubeconfig user " + user.name() + " holds a client certificate in group system:masters, which bypasses "
              + "authorization and cannot be revoked").withSeverity(Severity.CRITICAL));
    }
    if (cn != null && GenericNames.why(cn).isPresent()) {
      return List.of(Violation.at(base.child("user").child("client-certificate-data"), "CN=" + cn,
          "kubeconfig user " + user.name() + " authenticates as " + cn + ", " + GenericNames.why(cn).get()));
    }
    if (cn == null && GenericNames.why(user.name()).isPresent()) {
      return List.of(Violation.at(base.child("name"), user.name(),
          "kubeconfig user " + user.name() + " is " + GenericNames.why(user.name()).get()));
    }
    return List.of();
  }
}
