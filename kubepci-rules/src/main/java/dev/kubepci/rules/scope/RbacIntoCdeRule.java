package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.rbac.Subject;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.model.ScopeZone;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Flags service accounts (and service-account groups) from outside the CDE that hold risky rights inside it: reading
 * Secrets, exec/attach/port-forward into pods, creating or changing workloads, changing RBAC, minting tokens, or
 * impersonating. Rights come from RoleBindings in CDE namespaces and from ClusterRoleBindings (which reach every
 * namespace), evaluated with the shared RBAC model ({@link Rbac}: aggregation, wildcards, resourceNames and the
 * Kubernetes default roles). Grants Kubernetes, kubeadm or the provider create themselves are left alone.
 */
@RuleInfo(id = "KPCI-0385", name = "rbac-into-cde", severity = Severity.HIGH, reads = {"Namespace", "Role",
    "ClusterRole", "RoleBinding", "ClusterRoleBinding"})
public final class RbacIntoCdeRule extends CdeRule {
  private static final String RBAC = "rbac.authorization.k8s.io";

  /** A risky capability in words, and the permissions any one of which gives it. */
  private record Capability(String words, List<Permission> permissions) {}

  private static final List<Capability> CAPABILITIES = List.of(
      new Capability("read secrets", permissions(List.of("get", "list", "watch"), "", "secrets", null)),
      new Capability("exec into or attach to pods", concat(
          permissions(List.of("create", "get"), "", "pods", "exec"),
          permissions(List.of("create", "get"), "", "pods", "attach"),
          permissions(List.of("create", "get"), "", "pods", "portforward"))),
      new Capability("create or change workloads", concat(
          permissions(List.of("create", "update", "patch"), "", "pods", null),
          permissions(List.of("create", "update", "patch"), "", "replicationcontrollers", null),
          permissions(List.of("create", "update", "patch"), "apps", "deployments", null),
          permissions(List.of("create", "update", "patch"), "apps", "daemonsets", null),
          permissions(List.of("create", "update", "patch"), "apps", "statefulsets", null),
          permissions(List.of("create", "update", "patch"), "apps", "replicasets", null),
          permissions(List.of("create", "update", "patch"), "batch", "jobs", null),
          permissions(List.of("create", "update", "patch"), "batch", "cronjobs", null))),
      new Capability("change RBAC", concat(
          permissions(List.of("create", "update", "patch", "escalate", "bind"), RBAC, "roles", null),
          permissions(List.of("create", "update", "patch"), RBAC, "rolebindings", null),
          permissions(List.of("escalate", "bind"), RBAC, "clusterroles", null))),
      new Capability("mint service account tokens", permissions(List.of("create"), "", "serviceaccounts", "token")),
      new Capability("impersonate", concat(
          permissions(List.of("impersonate"), "", "serviceaccounts", null),
          permissions(List.of("impersonate"), "", "users", null),
          permissions(List.of("impersonate"), "", "groups", null))));

  private static List<Permission> permissions(List<String> verbs, String group, String resource, String sub) {
    return verbs.stream().map(v -> Permission.of(v, group, resource, sub)).toList();
  }

  @SafeVarargs
  private static List<Permission> concat(List<Permission>... lists) {
    List<Permission> out = new ArrayList<>();
    for (List<Permission> l : lists) {
      out.addAll(l);
    }
    return List.copyOf(out);
  }

  @Override
  Outcome check(Inventory inventory, PciScope scope, RuleContext context) {
    List<String> cdeNamespaces = inventory.namespaces().stream()
        .filter(ns -> ScopeZone.CDE.equals(scope.classifyNamespace(ns))).toList();
    if (cdeNamespaces.isEmpty()) {
      return Outcome.notApplicable("no CDE namespace in the input");
    }
    Rbac rbac = Rbac.of(inventory);
    // capability indexes each binding subject holds inside the CDE
    Map<Binding.BindingSubject, TreeSet<Integer>> held = new IdentityHashMap<>();
    for (Grant g : rbac.grants()) {
      if (g.expected() || !reachesCde(g.binding(), cdeNamespaces) || outsider(g.subject(), scope) == null) {
        continue;
      }
      for (int i = 0; i < CAPABILITIES.size(); i++) {
        if (CAPABILITIES.get(i).permissions().stream().anyMatch(g::couldAllow)) {
          held.computeIfAbsent(g.bindingSubject(), k -> new TreeSet<>()).add(i);
        }
      }
    }
    Outcome.Builder out = Outcome.builder();
    List<Binding> unresolved = new ArrayList<>();
    for (Binding b : rbac.bindings()) {
      if (!reachesCde(b, cdeNamespaces)) {
        continue;
      }
      if (b.role().isEmpty()) {
        unresolved.add(b);
        continue;
      }
      for (Binding.BindingSubject bs : b.subjects()) {
        if (bs.expected() || bs.subject().isEmpty() || outsider(bs.subject().get(), scope) == null) {
          continue;
        }
        TreeSet<Integer> caps = held.get(bs);
        if (caps == null) {
          out.pass();
          continue;
        }
        List<String> words = caps.stream().map(i -> CAPABILITIES.get(i).words()).toList();
        String where = b.isClusterWide()
            ? "in every namespace, the CDE (" + String.join(", ", cdeNamespaces) + ") included"
            : "in CDE namespace " + b.namespace();
        Subject subject = bs.subject().get();
        out.fail(b.resource(), Violation.at(bs.path(), subject.display(), subject.display() + " (outside the CDE) "
            + "can " + String.join(", ", words) + " " + where + " through " + b.roleRef().kind() + " "
            + b.roleRef().name()));
      }
    }
    Outcome outcome = out.build("no binding in a CDE namespace and no ClusterRoleBinding in the input");
    if (outcome.failures().isEmpty() && !unresolved.isEmpty()) {
      List<String> names = unresolved.stream().limit(5).map(b -> b.display() + " -> " + b.roleRef().display())
          .toList();
      return Outcome.notAssessed(unresolved.size() + " binding(s) that reach the CDE refer to roles that are not in "
          + "the input, so what they grant is unknown: " + String.join("; ", names)
          + (unresolved.size() > 5 ? " and " + (unresolved.size() - 5) + " more" : ""));
    }
    return outcome;
  }

  private static boolean reachesCde(Binding b, List<String> cdeNamespaces) {
    return b.isClusterWide() || cdeNamespaces.contains(b.namespace());
  }

  /**
   * How a subject from outside the CDE is named, or null when it is a CDE service account, a user or a group that
   * the configuration does not place (people and their groups are not in a scope).
   */
  private static String outsider(Subject s, PciScope scope) {
    if (s.kind() == Subject.Kind.SERVICE_ACCOUNT) {
      return ScopeZone.CDE.equals(scope.classifyNamespace(s.namespace())) ? null : s.display();
    }
    if (s.kind() == Subject.Kind.GROUP) {
      String n = s.name();
      if (n.equals("system:serviceaccounts") || n.equals("system:authenticated") || n.equals("system:unauthenticated")
          || n.startsWith("system:serviceaccounts:")
          && !ScopeZone.CDE.equals(scope.classifyNamespace(n.substring("system:serviceaccounts:".length())))) {
        return s.display();
      }
    }
    return null;
  }
}
