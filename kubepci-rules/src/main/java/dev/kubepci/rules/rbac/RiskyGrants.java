package dev.kubepci.rules.rbac;

import dev.kubepci.model.Coverage;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.rbac.Role;
import dev.kubepci.rbac.RoleId;
import dev.kubepci.rbac.SourcedRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shared evaluation of the risky-permission checks: every subject of every binding is looked at once; a
 * subject whose grants include the family's permissions fails (one finding per binding subject, naming the
 * permissions, the scope, the role and its rule), unless Kubernetes itself creates that grant. Every holder,
 * expected ones included, is listed in a table of evidence. Bindings to unknown roles make a clean result
 * NOT_ASSESSED, because their grants cannot be seen.
 */
final class RiskyGrants {
  static final String NO_BINDINGS = dev.kubepci.rule.SubjectRule.NO_BINDINGS;

  private RiskyGrants() {}

  /**
   * A family of permissions and how to name it in messages and tables.
   *
   * @param perRule true when what a grant matches depends only on its rule, its role reference and whether its
   *     binding is cluster-wide, so the answer can be computed once per rule instead of once per grant
   */
  record Family(String tableId, String tableTitle, Function<Grant, List<String>> matches, boolean perRule,
      Function<Grant, List<String>> leastPrivilege) {
    private static final ClassValue<Family> DECLARED = new ClassValue<>() {
      @Override
      protected Family computeValue(Class<?> rule) {
        RiskyPermissions declared = rule.getAnnotation(RiskyPermissions.class);
        if (declared == null) {
          throw new IllegalStateException(rule.getName() + " declares no @RiskyPermissions and does not say its "
              + "family");
        }
        return of(declared.table(), declared.title(), permissions(declared));
      }
    };

    Family(String tableId, String tableTitle, Function<Grant, List<String>> matches, boolean perRule) {
      this(tableId, tableTitle, matches, perRule, g -> List.of());
    }

    Family(String tableId, String tableTitle, Function<Grant, List<String>> matches) {
      this(tableId, tableTitle, matches, false);
    }

    /**
     * The same family where a grant for which {@code leastPrivilege} names objects (the Secrets a rule limits a
     * get to, say) is the least-privilege form: a note naming them, never a finding.
     */
    Family withLeastPrivilege(Function<Grant, List<String>> names) {
      return new Family(tableId, tableTitle, matches, perRule, names);
    }

    /** The family {@code rule} declares with {@link RiskyPermissions}, read once per class. */
    static Family declaredBy(Class<?> rule) {
      return DECLARED.get(rule);
    }

    /** The permissions {@code declared} lists, entry by entry, verb by verb. */
    static List<Permission> permissions(RiskyPermissions declared) {
      List<Permission> permissions = new ArrayList<>();
      for (String entry : declared.value()) {
        String[] verbsAndResources = entry.split(" ");
        for (String verb : verbsAndResources[0].split(",")) {
          for (String resource : verbsAndResources[1].split(",")) {
            permissions.add(permission(verb, resource));
          }
        }
      }
      return permissions;
    }

    /** {@code verb} on {@code resource[.group][/subresource]}. */
    private static Permission permission(String verb, String resource) {
      int slash = resource.indexOf('/');
      String sub = slash < 0 ? null : resource.substring(slash + 1);
      String groupResource = slash < 0 ? resource : resource.substring(0, slash);
      int dot = groupResource.indexOf('.');
      return dot < 0 ? Permission.of(verb, "", groupResource, sub)
          : Permission.of(verb, groupResource.substring(dot + 1), groupResource.substring(0, dot), sub);
    }

    /** A family defined by permissions: a grant matches each permission it could allow. */
    static Family of(String tableId, String tableTitle, List<Permission> permissions) {
      return new Family(tableId, tableTitle, g -> {
        List<String> out = new ArrayList<>();
        for (Permission p : permissions) {
          if (g.couldAllow(p)) {
            out.add(p.verb() + " " + p.resourceName());
          }
        }
        return out;
      }, true);
    }
  }

  /** Grants of one binding share their role's rule objects: the key of a rule as one binding sees it. */
  private record RuleKey(Identity rule, Identity role, boolean clusterWide) {}

  /** Compares by identity: equal rules of different roles may still differ in how the binding reaches them. */
  private record Identity(Object target) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.target == target;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(target);
    }
  }

  /** What one binding subject holds of the family. */
  private static final class Holding {
    final Set<String> permissions = new LinkedHashSet<>();
    final List<Grant> grants = new ArrayList<>();
    /** The objects every grant is limited to, when each is of the least-privilege form; else null. */
    Set<String> limitedTo = new java.util.TreeSet<>();
  }

  /** Changing {@code resources} of {@code apiGroup}: create, update, patch and delete on each, resource by resource. */
  static List<Permission> writes(String apiGroup, List<String> resources) {
    List<Permission> list = new ArrayList<>();
    for (String resource : resources) {
      for (String verb : List.of("create", "update", "patch", "delete")) {
        list.add(Permission.of(verb, apiGroup, resource, null));
      }
    }
    return list;
  }

  /**
   * @param rule the rule asking, whose severity a finding on an unbound role is one step below
   */
  static Outcome check(Inventory inventory, Family family, dev.kubepci.rule.Rule rule) {
    Severity unboundSeverity = lower(rule.getClass().getAnnotation(dev.kubepci.rule.RuleInfo.class).severity());
    Rbac rbac = Rbac.of(inventory);
    // files (a chart, a repository) may leave the binding to someone else; a cluster holds every binding there is
    List<UnboundRole> unbound = inventory.coverage().source() == Coverage.Source.FILES && family.perRule()
        ? unboundRoles(rbac, family, unboundSeverity) : List.of();
    if (!rbac.hasBindings() && unbound.isEmpty()) {
      return Outcome.notApplicable(NO_BINDINGS);
    }
    Map<Binding.BindingSubject, Holding> holdings = new java.util.IdentityHashMap<>();
    Map<RuleKey, List<String>> byRule = new java.util.HashMap<>();
    for (Grant g : rbac.grants()) {
      List<String> matched = family.perRule()
          ? byRule.computeIfAbsent(new RuleKey(new Identity(g.rule()), new Identity(g.role()),
              g.binding().isClusterWide()), k -> family.matches().apply(g))
          : family.matches().apply(g);
      if (matched.isEmpty()) {
        continue;
      }
      Holding h = holdings.computeIfAbsent(g.bindingSubject(), k -> new Holding());
      h.permissions.addAll(matched);
      h.grants.add(g);
      List<String> limited = family.leastPrivilege().apply(g);
      if (limited.isEmpty() || h.limitedTo == null) {
        h.limitedTo = null;
      } else {
        h.limitedTo.addAll(limited);
      }
    }
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    for (Binding b : rbac.bindings()) {
      if (b.role().isEmpty()) {
        continue;
      }
      for (Binding.BindingSubject bs : b.subjects()) {
        if (bs.subject().isEmpty()) {
          continue;
        }
        Holding h = holdings.get(bs);
        if (h != null) {
          rows.add(row(h, bs.expected()));
        }
        if (bs.expected()) {
          continue;
        }
        if (h == null) {
          out.pass();
        } else if (h.limitedTo != null) {
          out.pass();
          out.note(message(h) + ": limited to " + String.join(", ", h.limitedTo) + ", the least-privilege form");
        } else {
          Grant first = h.grants.get(0);
          out.fail(b.resource(), Violation.at(bs.path(), first.subject().display(), message(h)));
        }
      }
    }
    for (UnboundRole u : unbound) {
      out.fail(u.role().resource(), new Violation(FieldPath.root().child("rules").index(u.rule().index()),
          u.role().id().display(), u.role().display() + " grants " + compact(u.permissions()) + " ("
              + u.rule().rule().describe() + ") but no binding in the input references it: the risk applies once "
              + "it is bound" + (u.role().id().isClusterRole() ? " (cluster-wide by a ClusterRoleBinding)" : ""),
          u.severity()));
    }
    if (!rows.isEmpty()) {
      out.table(new Table(family.tableId(), family.tableTitle(),
          List.of("subject", "may", "scope", "binding", "role rule", "kubernetes default"), rows));
    }
    if (!rbac.unresolved().isEmpty()) {
      out.notAssessedIfClean(unresolvedReason(rbac));
    }
    return out.build("every binding in the input is one Kubernetes creates itself");
  }

  /** A rule of a role of the input that no binding of the input references, and what it would grant. */
  private record UnboundRole(Role role, SourcedRule rule, List<String> permissions, Severity severity) {}

  /**
   * The risky rules of the input's roles that no binding references, directly or through a bound aggregating
   * ClusterRole. What a rule would grant is worked out for the widest binding its role can have: a RoleBinding in
   * its namespace for a Role (no cluster-scoped resources), a ClusterRoleBinding for a ClusterRole.
   */
  private static List<UnboundRole> unboundRoles(Rbac rbac, Family family, Severity severity) {
    Set<RoleId> bound = new java.util.HashSet<>();
    for (Binding b : rbac.bindings()) {
      bound.add(b.roleRef());
      b.role().ifPresent(r -> r.rules().forEach(sr -> bound.add(sr.origin())));
    }
    List<UnboundRole> out = new ArrayList<>();
    for (Role role : rbac.roles()) {
      if (role.kubernetesDefault() || bound.contains(role.id()) || role.resource() == null) {
        continue;
      }
      Binding hypothetical = hypotheticalBinding(role);
      for (SourcedRule rule : role.rules()) {
        if (!rule.origin().equals(role.id())) {
          continue; // an aggregated rule is reported on the role that declares it
        }
        List<String> matched = family.matches().apply(new Grant(hypothetical, null, null, role, rule));
        if (!matched.isEmpty()) {
          out.add(new UnboundRole(role, rule, matched, severity));
        }
      }
    }
    return out;
  }

  private static Binding hypotheticalBinding(Role role) {
    io.fabric8.kubernetes.api.model.HasMetadata object = role.id().isClusterRole()
        ? new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder().withNewMetadata()
            .withName("<not bound>").endMetadata().build()
        : new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder().withNewMetadata()
            .withName("<not bound>").withNamespace(role.id().namespace()).endMetadata().build();
    return new Binding(new Resource(object, role.resource().provenance()), role.id(), List.of(),
        java.util.Optional.of(role));
  }

  /** One step below {@code own}, at least LOW: a role nobody holds yet is a risk waiting, not a grant. */
  private static Severity lower(Severity own) {
    return own.ordinal() <= Severity.LOW.ordinal() + 1 ? Severity.LOW : Severity.values()[own.ordinal() - 1];
  }

  static String unresolvedReason(Rbac rbac) {
    List<Binding> unresolved = rbac.unresolved();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(5, unresolved.size()); i++) {
      Binding b = unresolved.get(i);
      names.add(b.display() + " -> " + b.roleRef().display());
    }
    String more = unresolved.size() > 5 ? " and " + (unresolved.size() - 5) + " more" : "";
    return unresolved.size() + " binding(s) refer to roles that are not in the input, so what they grant is unknown: "
        + String.join("; ", names) + more;
  }

  /**
   * Merges {@code verb resource} pairs: {@code get secrets, list secrets} becomes {@code get, list secrets}, and
   * verbs with the same resources share them ({@code update, patch deployments, jobs}). Other texts stay as they are.
   */
  static String compact(List<String> permissions) {
    Map<String, List<String>> byVerb = new LinkedHashMap<>();
    List<String> other = new ArrayList<>();
    for (String p : permissions) {
      int space = p.indexOf(' ');
      if (space <= 0 || p.indexOf(' ', space + 1) >= 0) {
        other.add(p);
        continue;
      }
      List<String> resources = byVerb.computeIfAbsent(p.substring(0, space), k -> new ArrayList<>());
      if (!resources.contains(p.substring(space + 1))) {
        resources.add(p.substring(space + 1));
      }
    }
    Map<List<String>, List<String>> verbsByResources = new LinkedHashMap<>();
    byVerb.forEach((verb, resources) -> verbsByResources.computeIfAbsent(resources, k -> new ArrayList<>()).add(verb));
    List<String> parts = new ArrayList<>();
    verbsByResources.forEach((resources, verbs) -> parts.add(String.join(", ", verbs) + " " + String.join(", ", resources)));
    parts.addAll(other);
    return String.join("; ", parts);
  }

  private static List<String> row(Holding h, boolean expected) {
    Grant g = h.grants.get(0);
    List<String> origins = new ArrayList<>();
    h.grants.stream().map(x -> x.rule().describeOrigin()).distinct().forEach(origins::add);
    return List.of(g.subject().display(), compact(List.copyOf(h.permissions)), g.binding().scopeCell(),
        g.binding().display(), String.join("; ", origins), expected ? "yes" : "");
  }

  /**
   * {@code Group devs may get secrets, list secrets in namespace shop through ClusterRole/edit: ClusterRole/...
   * rules[0] apiGroups=[""] resources=[secrets] verbs=[get,list] (+1 more rule)}.
   */
  static String message(List<String> permissions, List<Grant> grants) {
    Grant g = grants.get(0);
    long rules = grants.stream().map(x -> x.rule().describeOrigin()).distinct().count();
    StringBuilder sb = new StringBuilder();
    sb.append(g.subject().display()).append(" may ").append(compact(permissions)).append(' ')
        .append(g.binding().scopeText()).append(" through ").append(g.role().display()).append(": ")
        .append(g.rule().describeOrigin()).append(' ').append(g.policyRule().describe());
    if (rules > 1) {
      sb.append(" (+").append(rules - 1).append(rules == 2 ? " more rule)" : " more rules)");
    }
    return sb.toString();
  }

  private static String message(Holding h) {
    return message(List.copyOf(h.permissions), h.grants);
  }
}
