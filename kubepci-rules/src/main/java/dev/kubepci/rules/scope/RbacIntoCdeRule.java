package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.netpol.LabelSelectors;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.SamePathViolations;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags service accounts (and service-account groups) from outside the CDE that hold risky rights inside it: reading
 * Secrets, exec/attach/port-forward into pods, creating or changing workloads, changing RBAC, minting tokens, or
 * impersonating. Rights come from RoleBindings in CDE namespaces and from ClusterRoleBindings (which reach every
 * namespace). Roles are resolved with their rules, wildcards and ClusterRole aggregation. Bindings Kubernetes
 * creates itself ({@code system:} names) are left alone.
 */
@RuleInfo(
    id = "KPCI-0385",
    name = "rbac-into-cde",
    title = "Identities outside the CDE hold no risky rights inside it",
    severity = Severity.HIGH,
    rationale = "A service account outside the CDE that can read CDE Secrets, exec into CDE pods or change CDE "
        + "workloads is a way into the cardholder data environment that bypasses every network control. Whoever "
        + "compromises that out-of-scope workload inherits the access.",
    remediation = "Bind CDE rights only to CDE identities with RoleBindings in CDE namespaces. Replace "
        + "ClusterRoleBindings of broad roles to application service accounts with namespaced RoleBindings outside "
        + "the CDE, and move tools that genuinely need CDE access (deployment pipelines, secret operators) into the "
        + "connected-to scope with their own controls.",
    references = {"https://kubernetes.io/docs/concepts/security/rbac-good-practices/",
        "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"},
    reads = {"Namespace", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"})
public final class RbacIntoCdeRule implements ClusterRule {
  private static final String RBAC = "rbac.authorization.k8s.io";
  private static final Set<String> WORKLOADS = Set.of("pods", "deployments", "daemonsets", "statefulsets",
      "replicasets", "jobs", "cronjobs", "replicationcontrollers");

  /**
   * The risky part of the default user-facing ClusterRoles, for inputs that bind them without including them:
   * cluster-admin can do anything; admin and edit can read Secrets, exec into pods and change workloads (admin also
   * RBAC); view grants nothing risky.
   */
  private static final Map<String, List<PolicyRule>> BUILT_IN = Map.of(
      "cluster-admin", List.of(rule(List.of("*"), List.of("*"), List.of("*"))),
      "admin", List.of(
          rule(List.of(""), List.of("secrets", "pods", "pods/exec", "pods/attach", "pods/portforward",
              "serviceaccounts", "replicationcontrollers"), List.of("*")),
          rule(List.of("apps", "batch"), List.of("*"), List.of("*")),
          rule(List.of(RBAC), List.of("roles", "rolebindings"), List.of("*"))),
      "edit", List.of(
          rule(List.of(""), List.of("secrets", "pods", "pods/exec", "pods/attach", "pods/portforward",
              "serviceaccounts", "replicationcontrollers"), List.of("*")),
          rule(List.of("apps", "batch"), List.of("*"), List.of("*"))),
      "view", List.of());

  private static PolicyRule rule(List<String> groups, List<String> resources, List<String> verbs) {
    return new io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder().withApiGroups(groups)
        .withResources(resources).withVerbs(verbs).build();
  }

  @Override
  public Optional<Outcome> precheck(RuleContext context) {
    return CdeScope.requireDeclared(context);
  }

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    PciScope scope = CdeScope.scope(context);
    List<String> cdeNamespaces = inventory.namespaces().stream()
        .filter(ns -> PciScope.CDE.equals(scope.classifyNamespace(ns))).toList();
    if (cdeNamespaces.isEmpty()) {
      return Outcome.notApplicable("no CDE namespace in the input");
    }
    Outcome.Builder out = Outcome.builder();
    for (Resource r : inventory.ofKind(RBAC, "RoleBinding")) {
      if (!cdeNamespaces.contains(r.namespace())) {
        continue;
      }
      RoleBinding rb = r.as(RoleBinding.class).orElse(null);
      if (rb != null) {
        check(inventory, scope, r, rb.getRoleRef(), rb.getSubjects(), "in CDE namespace " + r.namespace(), out);
      }
    }
    for (Resource r : inventory.ofKind(RBAC, "ClusterRoleBinding")) {
      ClusterRoleBinding crb = r.as(ClusterRoleBinding.class).orElse(null);
      if (crb != null && (r.name() == null || !r.name().startsWith("system:"))) {
        check(inventory, scope, r, crb.getRoleRef(), crb.getSubjects(), "in every namespace, the CDE ("
            + String.join(", ", cdeNamespaces) + ") included", out);
      }
    }
    return out.build("no binding in a CDE namespace and no ClusterRoleBinding in the input");
  }

  private void check(Inventory inventory, PciScope scope, Resource binding, RoleRef ref, List<Subject> subjects,
      String where, Outcome.Builder out) {
    if (ref == null || subjects == null) {
      return;
    }
    List<PolicyRule> rules = rules(inventory, ref, binding.namespace());
    List<String> risky = risky(rules);
    List<Violation> violations = new ArrayList<>();
    if (!risky.isEmpty()) {
      for (int i = 0; i < subjects.size(); i++) {
        Subject s = subjects.get(i);
        String outsider = outsider(s, binding.namespace(), scope);
        if (outsider != null) {
          violations.add(Violation.at(FieldPath.root().child("subjects").index(i), outsider, outsider
              + " (outside the CDE) can " + String.join(", ", risky) + " " + where + " through " + ref.getKind()
              + " " + ref.getName()));
        }
      }
    }
    if (violations.isEmpty()) {
      out.pass();
    } else {
      out.fail(binding, SamePathViolations.merge(violations));
    }
  }

  /** How a subject from outside the CDE is named, or null when it is a CDE identity, a user or a CDE group. */
  private static String outsider(Subject s, String bindingNamespace, PciScope scope) {
    if ("ServiceAccount".equals(s.getKind())) {
      String ns = s.getNamespace() == null || s.getNamespace().isEmpty() ? bindingNamespace : s.getNamespace();
      if (ns != null && !PciScope.CDE.equals(scope.classifyNamespace(ns))) {
        return "ServiceAccount " + ns + "/" + s.getName();
      }
      return null;
    }
    if ("Group".equals(s.getKind()) && s.getName() != null) {
      String n = s.getName();
      if (n.equals("system:serviceaccounts") || n.equals("system:authenticated") || n.equals("system:unauthenticated")
          || n.startsWith("system:serviceaccounts:")
          && !PciScope.CDE.equals(scope.classifyNamespace(n.substring("system:serviceaccounts:".length())))) {
        return "Group " + n;
      }
    }
    return null; // people and their groups are not placed in a scope by the configuration
  }

  private static List<PolicyRule> rules(Inventory inventory, RoleRef ref, String namespace) {
    if ("Role".equals(ref.getKind())) {
      return inventory.get("Role", namespace, ref.getName()).flatMap(r -> r.as(Role.class))
          .map(r -> r.getRules() == null ? List.<PolicyRule>of() : r.getRules()).orElse(List.of());
    }
    Optional<ClusterRole> role = inventory.get("ClusterRole", null, ref.getName()).flatMap(r -> r.as(ClusterRole.class));
    if (role.isEmpty()) {
      return BUILT_IN.getOrDefault(ref.getName(), List.of());
    }
    List<PolicyRule> rules = new ArrayList<>(role.get().getRules() == null ? List.of() : role.get().getRules());
    if (role.get().getAggregationRule() != null && role.get().getAggregationRule().getClusterRoleSelectors() != null) {
      for (LabelSelector sel : role.get().getAggregationRule().getClusterRoleSelectors()) {
        for (Resource other : inventory.ofKind(RBAC, "ClusterRole")) {
          if (!LabelSelectors.isEmpty(sel) && LabelSelectors.matches(sel, other.labels())) {
            other.as(ClusterRole.class).map(ClusterRole::getRules).ifPresent(rules::addAll);
          }
        }
      }
    }
    return rules;
  }

  /** The risky capabilities the rules grant, in words. */
  static List<String> risky(List<PolicyRule> rules) {
    Set<String> out = new LinkedHashSet<>();
    for (PolicyRule rule : rules) {
      List<String> groups = rule.getApiGroups() == null ? List.of() : rule.getApiGroups();
      List<String> resources = rule.getResources() == null ? List.of() : rule.getResources();
      List<String> verbs = rule.getVerbs() == null ? List.of() : rule.getVerbs();
      if (resources.isEmpty()) {
        continue; // nonResourceURLs do not reach namespaced objects
      }
      if (grants(groups, "", resources, "secrets", verbs, "get", "list", "watch")) {
        out.add("read secrets");
      }
      if (grants(groups, "", resources, "pods/exec", verbs, "create", "get")
          || grants(groups, "", resources, "pods/attach", verbs, "create", "get")
          || grants(groups, "", resources, "pods/portforward", verbs, "create", "get")) {
        out.add("exec into or attach to pods");
      }
      for (String w : WORKLOADS) {
        String group = switch (w) {
          case "pods", "replicationcontrollers" -> "";
          case "jobs", "cronjobs" -> "batch";
          default -> "apps";
        };
        if (grants(groups, group, resources, w, verbs, "create", "update", "patch")) {
          out.add("create or change workloads");
          break;
        }
      }
      if (grants(groups, RBAC, resources, "roles", verbs, "create", "update", "patch", "escalate")
          || grants(groups, RBAC, resources, "rolebindings", verbs, "create", "update", "patch")
          || grants(groups, RBAC, resources, "roles", verbs, "bind")
          || grants(groups, RBAC, resources, "clusterroles", verbs, "bind", "escalate")) {
        out.add("change RBAC");
      }
      if (grants(groups, "", resources, "serviceaccounts/token", verbs, "create")) {
        out.add("mint service account tokens");
      }
      if (grants(groups, "", resources, "serviceaccounts", verbs, "impersonate")
          || grants(groups, "", resources, "users", verbs, "impersonate")
          || grants(groups, "", resources, "groups", verbs, "impersonate")) {
        out.add("impersonate");
      }
    }
    return List.copyOf(out);
  }

  private static boolean grants(List<String> groups, String group, List<String> resources, String resource,
      List<String> verbs, String... wanted) {
    if (!groups.contains("*") && !groups.contains(group)) {
      return false;
    }
    boolean resourceMatch = resources.contains("*") || resources.contains(resource)
        || resource.contains("/") && resources.contains(resource.substring(0, resource.indexOf('/')) + "/*");
    if (!resourceMatch) {
      return false;
    }
    if (verbs.contains("*")) {
      return true;
    }
    for (String v : wanted) {
      if (verbs.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
