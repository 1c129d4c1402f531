package dev.kubepci.rules.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.rbac.Binding;
import dev.kubepci.rbac.Grant;
import dev.kubepci.rbac.Permission;
import dev.kubepci.rbac.Rbac;
import dev.kubepci.result.Table;
import dev.kubepci.rule.Outcome;
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
  static final String NO_BINDINGS = "no RoleBinding or ClusterRoleBinding in the input";

  private RiskyGrants() {}

  /**
   * A family of permissions and how to name it in messages and tables.
   *
   * @param perRule true when what a grant matches depends only on its rule, its role reference and whether its
   *     binding is cluster-wide, so the answer can be computed once per rule instead of once per grant
   */
  record Family(String tableId, String tableTitle, Function<Grant, List<String>> matches, boolean perRule) {
    Family(String tableId, String tableTitle, Function<Grant, List<String>> matches) {
      this(tableId, tableTitle, matches, false);
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
  }

  static Outcome check(Inventory inventory, Family family) {
    Rbac rbac = Rbac.of(inventory);
    if (!rbac.hasBindings()) {
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
        } else {
          Grant first = h.grants.get(0);
          out.fail(b.resource(), Violation.at(bs.path(), first.subject().display(), message(h)));
        }
      }
    }
    if (!rows.isEmpty()) {
      out.table(new Table(family.tableId(), family.tableTitle(),
          List.of("subject", "may", "scope", "binding", "role rule", "kubernetes default"), rows));
    }
    Outcome outcome = out.build("every binding in the input is one Kubernetes creates itself");
    if (outcome.failures().isEmpty() && !rbac.unresolved().isEmpty()) {
      Outcome unknown = Outcome.notAssessed(unresolvedReason(rbac));
      for (Table t : outcome.tables()) {
        unknown = unknown.withTable(t);
      }
      return unknown;
    }
    return outcome;
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
