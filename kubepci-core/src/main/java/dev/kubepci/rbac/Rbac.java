package dev.kubepci.rbac;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import dev.kubepci.model.ResourceRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.rbac.AggregationRule;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The effective RBAC permissions of an inventory: Roles and ClusterRoles (aggregation resolved), RoleBindings and
 * ClusterRoleBindings, and every grant they make, queried the way the Kubernetes RBAC authorizer decides.
 * Computed once per inventory: {@code Rbac.of(inventory)}.
 *
 * <p>Offline rules: a binding to a ClusterRole that is not in the input resolves to the Kubernetes default of that
 * name when there is one ({@link KubernetesDefaults}); otherwise the binding is unresolved and listed by
 * {@link #unresolved()}. An aggregated ClusterRole gets the union of its own rules (which the controller wrote, in
 * a dump of a live cluster) and the rules of every ClusterRole its selectors match, transitively.
 */
public final class Rbac {
  private static final String GROUP = "rbac.authorization.k8s.io";
  private static final KubernetesSerialization SERIALIZATION = dev.kubepci.model.ModelSerialization.shared();

  /** A resource named on the command line, resolved to its group and scope. */
  public record ResourceTarget(String apiGroup, String resource, String subresource, boolean namespaced) {
    public String describe() {
      String r = apiGroup.isEmpty() || "*".equals(apiGroup) ? resource : resource + "." + apiGroup;
      return subresource == null ? r : r + "/" + subresource;
    }
  }

  private final Map<String, Role> clusterRoles;
  private final Map<String, Role> roles;
  private final List<Binding> bindings;
  private final List<Grant> grants;
  private final List<String> problems;
  private final Map<String, KnownResources.ResourceType> customResources;

  private Rbac(Map<String, Role> clusterRoles, Map<String, Role> roles, List<Binding> bindings, List<Grant> grants,
      List<String> problems, Map<String, KnownResources.ResourceType> customResources) {
    this.clusterRoles = clusterRoles;
    this.roles = roles;
    this.bindings = bindings;
    this.grants = grants;
    this.problems = problems;
    this.customResources = customResources;
  }

  /** The RBAC model of {@code inventory}, computed once and shared by every rule and command. */
  public static Rbac of(Inventory inventory) {
    return inventory.derived(Rbac.class, Rbac::compute);
  }

  static Rbac compute(Inventory inventory) {
    return new Builder(inventory).build();
  }

  /** Every binding of the input, sorted by namespace, kind and name. */
  public List<Binding> bindings() {
    return bindings;
  }

  /** Every grant (binding x subject x effective rule), in binding order. */
  public List<Grant> grants() {
    return grants;
  }

  /** True when the input holds at least one RoleBinding or ClusterRoleBinding. */
  public boolean hasBindings() {
    return !bindings.isEmpty();
  }

  /** Roles and ClusterRoles of the input, and the Kubernetes defaults used to resolve bindings. */
  public List<Role> roles() {
    List<Role> all = new ArrayList<>(clusterRoles.values());
    all.addAll(roles.values());
    all.sort(Comparator.comparing((Role r) -> r.id().display()));
    return all;
  }

  public Optional<Role> clusterRole(String name) {
    return Optional.ofNullable(clusterRoles.get(name));
  }

  public Optional<Role> role(String namespace, String name) {
    return Optional.ofNullable(roles.get(namespace + "/" + name));
  }

  /** Bindings whose role is neither in the input nor a Kubernetes default: their grants are unknown. */
  public List<Binding> unresolved() {
    return bindings.stream().filter(b -> b.role().isEmpty()).toList();
  }

  /**
   * What kubepci could not resolve: bindings to unknown roles, subjects that can never match, duplicate roles.
   * Each line names the object.
   */
  public List<String> problems() {
    return problems;
  }

  /** The grants that allow {@code request}, system grants included. */
  public List<Grant> subjectsAllowed(AccessRequest request) {
    return grants.stream().filter(g -> g.allows(request)).toList();
  }

  /**
   * The grants that allow {@code verb} on a resource, in {@code namespace} or, when it is null, in any namespace
   * (cluster-scoped resources: only ClusterRoleBindings). For the network and scope checks: who may reach into a
   * namespace.
   *
   * @param subresource null for none
   * @param name null for requests without a name
   */
  public List<Grant> subjectsAllowed(String verb, String apiGroup, String resource, String subresource,
      String namespace, String name) {
    return subjectsAllowed(request(verb, new ResourceTarget(apiGroup == null ? "" : apiGroup, resource, subresource,
        !isClusterScoped(apiGroup, resource)), namespace, name));
  }

  /** The grants that apply to {@code identity} (through its user name or any of its groups), in every scope. */
  public List<Grant> permissionsOf(Identity identity) {
    return grants.stream().filter(g -> g.subject().appliesTo(identity)).toList();
  }

  /** The grants that apply to {@code subject}: for a service account or user including its implicit groups. */
  public List<Grant> permissionsOf(Subject subject) {
    return permissionsOf(subject.identity());
  }

  /** The grants that allow {@code permission} for some object name, in their scope. */
  public List<Grant> holdersOf(Permission permission) {
    return grants.stream().filter(g -> g.couldAllow(permission)).toList();
  }

  /** True when {@code identity} may make {@code request}: a member of system:masters, or a grant allows it. */
  public boolean allows(Identity identity, AccessRequest request) {
    if (identity.isPrivileged()) {
      return true;
    }
    return grants.stream().anyMatch(g -> g.subject().appliesTo(identity) && g.allows(request));
  }

  /** True when {@code resource} in {@code apiGroup} is cluster-scoped (built-in kinds and CRDs of the input). */
  public boolean isClusterScoped(String apiGroup, String resource) {
    String g = apiGroup == null ? "" : apiGroup;
    KnownResources.ResourceType custom = customResources.get(resource + "." + g);
    if (custom != null) {
      return !custom.namespaced();
    }
    return KnownResources.isClusterScoped(g, resource);
  }

  /**
   * Resolves what a user names: {@code pods}, {@code pods/exec}, {@code deployments.apps},
   * {@code widgets.example.com} (a CRD of the input), or {@code *} for every resource of every group.
   *
   * @throws IllegalArgumentException when a bare name is neither built in nor a CRD of the input
   */
  public ResourceTarget resolve(String text) {
    String t = text.trim();
    String sub = null;
    int slash = t.indexOf('/');
    if (slash >= 0) {
      sub = t.substring(slash + 1);
      t = t.substring(0, slash);
    }
    if (t.isEmpty() || (sub != null && sub.isEmpty())) {
      throw new IllegalArgumentException("'" + text + "' is not a resource: write RESOURCE[.GROUP][/SUBRESOURCE]");
    }
    if ("*".equals(t)) {
      return new ResourceTarget("*", "*", sub, true);
    }
    int dot = t.indexOf('.');
    if (dot > 0) {
      String resource = t.substring(0, dot);
      String group = t.substring(dot + 1);
      return new ResourceTarget(group, resource, sub, !isClusterScoped(group, resource));
    }
    Optional<KnownResources.ResourceType> known = KnownResources.lookup(t);
    if (known.isPresent()) {
      return new ResourceTarget(known.get().group(), t, sub, known.get().namespaced());
    }
    for (KnownResources.ResourceType c : customResources.values()) {
      if (c.resource().equals(t)) {
        return new ResourceTarget(c.group(), t, sub, c.namespaced());
      }
    }
    throw new IllegalArgumentException("unknown resource '" + t + "': name its API group as RESOURCE.GROUP "
        + "(e.g. " + t + ".example.com), or include its CustomResourceDefinition in the input");
  }

  /**
   * The request for {@code verb} on {@code target}: in {@code namespace}, or in any namespace when it is null;
   * cluster-scoped targets ignore the namespace.
   */
  public static AccessRequest request(String verb, ResourceTarget target, String namespace, String name) {
    if (!target.namespaced()) {
      return AccessRequest.clusterScoped(verb, target.apiGroup(), target.resource(), target.subresource(), name);
    }
    if (namespace == null) {
      return AccessRequest.inAnyNamespace(verb, target.apiGroup(), target.resource(), target.subresource(), name);
    }
    return AccessRequest.namespaced(verb, target.apiGroup(), target.resource(), target.subresource(), namespace, name);
  }

  /** Builds the model in one pass over the RBAC objects. */
  private static final class Builder {
    private final Inventory inventory;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, RawClusterRole> rawClusterRoles = new LinkedHashMap<>();
    private final Map<String, Role> clusterRoles = new TreeMap<>();
    private final Map<String, Role> roles = new TreeMap<>();

    /** A ClusterRole before aggregation: its object (null for a default), labels, own rules and selectors. */
    private record RawClusterRole(String name, Resource resource, Map<String, String> labels, List<PolicyRule> rules,
        List<LabelSelector> selectors, boolean aggregated) {}

    Builder(Inventory inventory) {
      this.inventory = inventory;
    }

    Rbac build() {
      readClusterRoles();
      for (String name : rawClusterRoles.keySet()) {
        effective(name, new HashSet<>());
      }
      readRoles();
      List<Binding> bindings = readBindings();
      List<Grant> grants = new ArrayList<>();
      for (Binding b : bindings) {
        if (b.role().isEmpty()) {
          continue;
        }
        for (Binding.BindingSubject bs : b.subjects()) {
          if (bs.subject().isEmpty()) {
            continue;
          }
          for (SourcedRule r : b.role().get().rules()) {
            grants.add(new Grant(b, bs, bs.subject().get(), b.role().get(), r));
          }
        }
      }
      // Kubernetes defaults that no binding used are noise in listings; keep the ones from the input and the used.
      Set<String> used = new HashSet<>();
      for (Binding b : bindings) {
        b.role().ifPresent(r -> used.add(r.id().display()));
      }
      Map<String, Role> keptClusterRoles = new TreeMap<>();
      clusterRoles.forEach((name, role) -> {
        if (!role.kubernetesDefault() || used.contains(role.id().display())) {
          keptClusterRoles.put(name, role);
        }
      });
      return new Rbac(keptClusterRoles, roles, List.copyOf(bindings), List.copyOf(grants), List.copyOf(problems),
          customResources());
    }

    private void readClusterRoles() {
      for (Resource r : inventory.ofKind("ClusterRole")) {
        if (!GROUP.equals(r.group())) {
          continue;
        }
        ClusterRole cr = typed(r, ClusterRole.class);
        if (cr == null) {
          continue;
        }
        if (rawClusterRoles.containsKey(r.name())) {
          problems.add("ClusterRole/" + r.name() + " appears more than once in the input; the first is used ("
              + rawClusterRoles.get(r.name()).resource().provenance().describe() + ")");
          continue;
        }
        rawClusterRoles.put(r.name(), raw(r.name(), r, cr));
      }
      for (Map.Entry<String, ClusterRole> d : KubernetesDefaults.clusterRoles().entrySet()) {
        rawClusterRoles.putIfAbsent(d.getKey(), raw(d.getKey(), null, d.getValue()));
      }
    }

    private static RawClusterRole raw(String name, Resource resource, ClusterRole cr) {
      List<PolicyRule> rules = new ArrayList<>();
      if (cr.getRules() != null) {
        cr.getRules().forEach(p -> rules.add(PolicyRule.of(p)));
      }
      AggregationRule agg = cr.getAggregationRule();
      List<LabelSelector> selectors = agg == null || agg.getClusterRoleSelectors() == null
          ? List.of() : agg.getClusterRoleSelectors();
      Map<String, String> labels = cr.getMetadata() == null || cr.getMetadata().getLabels() == null
          ? Map.of() : cr.getMetadata().getLabels();
      return new RawClusterRole(name, resource, labels, rules, selectors, agg != null);
    }

    /** The effective rules of ClusterRole {@code name}, aggregation resolved; cycles are cut. */
    private Role effective(String name, Set<String> visiting) {
      Role done = clusterRoles.get(name);
      if (done != null) {
        return done;
      }
      RawClusterRole raw = rawClusterRoles.get(name);
      RoleId id = RoleId.clusterRole(name);
      boolean isDefault = raw.resource() == null;
      List<SourcedRule> rules = new ArrayList<>();
      Set<PolicyRule> seen = new HashSet<>();
      if (raw.aggregated()) {
        visiting.add(name);
        for (RawClusterRole other : rawClusterRoles.values().stream()
            .sorted(Comparator.comparing(RawClusterRole::name)).toList()) {
          if (other.name().equals(name) || visiting.contains(other.name())) {
            continue;
          }
          boolean selected = raw.selectors().stream().anyMatch(s -> LabelSelectors.matches(s, Absent.SELECTS_NOTHING, other.labels()));
          if (!selected) {
            continue;
          }
          for (SourcedRule r : effective(other.name(), visiting).rules()) {
            if (seen.add(r.rule())) {
              rules.add(r);
            }
          }
        }
        visiting.remove(name);
      }
      for (int i = 0; i < raw.rules().size(); i++) {
        PolicyRule p = raw.rules().get(i);
        if (seen.add(p)) {
          rules.add(new SourcedRule(p, id, i, isDefault));
        }
      }
      Role role = new Role(id, raw.resource(), rules, raw.aggregated());
      if (visiting.isEmpty()) {
        clusterRoles.put(name, role);
      }
      return role;
    }

    private void readRoles() {
      for (Resource r : inventory.ofKind("Role")) {
        if (!GROUP.equals(r.group()) || r.namespace() == null) {
          continue;
        }
        io.fabric8.kubernetes.api.model.rbac.Role role = typed(r, io.fabric8.kubernetes.api.model.rbac.Role.class);
        if (role == null) {
          continue;
        }
        String key = r.namespace() + "/" + r.name();
        if (roles.containsKey(key)) {
          problems.add("Role/" + key + " appears more than once in the input; the first is used");
          continue;
        }
        RoleId id = RoleId.role(r.namespace(), r.name());
        List<SourcedRule> rules = new ArrayList<>();
        if (role.getRules() != null) {
          for (int i = 0; i < role.getRules().size(); i++) {
            rules.add(new SourcedRule(PolicyRule.of(role.getRules().get(i)), id, i, false));
          }
        }
        roles.put(key, new Role(id, r, rules, false));
      }
    }

    private List<Binding> readBindings() {
      List<Resource> objects = new ArrayList<>();
      for (Resource r : inventory.ofKind(Binding.CLUSTER_ROLE_BINDING)) {
        if (GROUP.equals(r.group())) {
          objects.add(r);
        }
      }
      for (Resource r : inventory.ofKind(Binding.ROLE_BINDING)) {
        if (GROUP.equals(r.group()) && r.namespace() != null) {
          objects.add(r);
        }
      }
      objects.sort(Comparator.comparing(Resource::ref, ResourceRef.ORDER));
      Set<String> seen = new HashSet<>();
      List<Binding> out = new ArrayList<>();
      for (Resource r : objects) {
        if (!seen.add(r.ref().displayName())) {
          problems.add(r.ref().displayName() + " appears more than once in the input; the first is used");
          continue;
        }
        Binding b = binding(r);
        if (b != null) {
          out.add(b);
        }
      }
      return out;
    }

    private Binding binding(Resource r) {
      RoleRef ref;
      List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects;
      boolean cluster = Binding.CLUSTER_ROLE_BINDING.equals(r.kind());
      if (cluster) {
        ClusterRoleBinding crb = typed(r, ClusterRoleBinding.class);
        if (crb == null) {
          return null;
        }
        ref = crb.getRoleRef();
        subjects = crb.getSubjects();
      } else {
        RoleBinding rb = typed(r, RoleBinding.class);
        if (rb == null) {
          return null;
        }
        ref = rb.getRoleRef();
        subjects = rb.getSubjects();
      }
      if (ref == null || ref.getName() == null || ref.getKind() == null) {
        problems.add(r.ref().displayName() + " has no roleRef");
        return null;
      }
      RoleId roleId = RoleId.CLUSTER_ROLE.equals(ref.getKind()) ? RoleId.clusterRole(ref.getName())
          : new RoleId(ref.getKind(), cluster ? null : r.namespace(), ref.getName());
      Optional<Role> role = Optional.empty();
      if (roleId.isClusterRole()) {
        role = Optional.ofNullable(clusterRoles.get(ref.getName()));
      } else if (RoleId.ROLE.equals(ref.getKind()) && !cluster) {
        role = Optional.ofNullable(roles.get(r.namespace() + "/" + ref.getName()));
      }
      if (role.isEmpty()) {
        problems.add(r.ref().displayName() + " refers to " + roleId.display()
            + ", which is not in the input: its grants are unknown");
      }
      List<Binding.BindingSubject> list = new ArrayList<>();
      String ns = cluster ? null : r.namespace();
      if (subjects != null) {
        for (int i = 0; i < subjects.size(); i++) {
          io.fabric8.kubernetes.api.model.rbac.Subject s = subjects.get(i);
          Optional<Subject> subject = Subject.fromBinding(s, ns);
          String written = s == null ? "<empty>" : s.getKind() + " "
              + (s.getNamespace() != null ? s.getNamespace() + "/" : "") + s.getName();
          if (subject.isEmpty()) {
            problems.add(r.ref().displayName() + " subjects[" + i + "] (" + written + ") can never match"
                + (s != null && "ServiceAccount".equals(s.getKind()) ? ": a ServiceAccount needs a namespace" : ""));
          }
          boolean expected = subject.map(sub -> SystemGrants.isExpected(r.kind(), ns, r.name(), roleId, sub))
              .orElse(false);
          list.add(new Binding.BindingSubject(i, subject, written, expected));
        }
      }
      return new Binding(r, roleId, list, role);
    }

    private Map<String, KnownResources.ResourceType> customResources() {
      Map<String, KnownResources.ResourceType> map = new HashMap<>();
      for (Resource r : inventory.ofKind("CustomResourceDefinition")) {
        r.as(CustomResourceDefinition.class).ifPresent(crd -> {
          if (crd.getSpec() != null && crd.getSpec().getNames() != null && crd.getSpec().getGroup() != null) {
            String plural = crd.getSpec().getNames().getPlural();
            String group = crd.getSpec().getGroup();
            map.put(plural + "." + group, new KnownResources.ResourceType(group, plural,
                !"Cluster".equals(crd.getSpec().getScope())));
          }
        });
      }
      return map;
    }

    /** The typed model of an RBAC object; objects read as generic (e.g. an old API version) are converted. */
    private <T extends HasMetadata> T typed(Resource r, Class<T> type) {
      Optional<T> typedObject = r.as(type);
      if (typedObject.isPresent()) {
        return typedObject.get();
      }
      try {
        return SERIALIZATION.convertValue(r.object(), type);
      } catch (IllegalArgumentException e) {
        problems.add(r.ref().displayName() + " could not be read as " + type.getSimpleName() + ": " + e.getMessage());
        return null;
      }
    }
  }
}
