package dev.kubepci.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The objects of one assessment with the indexes rules need (by kind, by namespace, by name), so that a
 * cross-object rule looks things up instead of scanning. Lists keep input order, which is deterministic.
 */
public final class Inventory {
  private final List<Resource> all;
  private final Map<String, List<Resource>> byKind;
  private final Map<String, List<Resource>> byNamespace;
  private final Map<String, List<Resource>> byGroup;
  private final Map<Key, Resource> byKey;
  private final Set<String> uids;
  private final SortedSet<String> namespaces;
  private final Coverage coverage;
  private final ClusterInfo clusterInfo;
  private List<Workload> workloads;
  private final Map<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<Object, Object> derivedLocks = new java.util.concurrent.ConcurrentHashMap<>();

  private Inventory(List<Resource> all, Coverage coverage, ClusterInfo clusterInfo) {
    this.all = List.copyOf(all);
    this.coverage = coverage;
    this.clusterInfo = clusterInfo;
    Map<String, List<Resource>> kinds = new HashMap<>();
    Map<String, List<Resource>> nss = new HashMap<>();
    Map<String, List<Resource>> groups = new HashMap<>();
    Map<Key, Resource> keys = new HashMap<>();
    Set<String> uidSet = new HashSet<>();
    SortedSet<String> nsNames = new TreeSet<>();
    for (Resource r : this.all) {
      kinds.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(r);
      groups.computeIfAbsent(r.group(), k -> new ArrayList<>()).add(r);
      if (r.namespace() != null) {
        nss.computeIfAbsent(r.namespace(), k -> new ArrayList<>()).add(r);
        nsNames.add(r.namespace());
      }
      if ("Namespace".equals(r.kind()) && r.name() != null) {
        nsNames.add(r.name());
      }
      keys.putIfAbsent(key(r.kind(), r.namespace(), r.name()), r);
      String uid = r.uid();
      if (uid != null) {
        uidSet.add(uid);
      }
    }
    kinds.replaceAll((k, v) -> Collections.unmodifiableList(v));
    nss.replaceAll((k, v) -> Collections.unmodifiableList(v));
    groups.replaceAll((k, v) -> Collections.unmodifiableList(v));
    this.byGroup = groups;
    this.byKind = kinds;
    this.byNamespace = nss;
    this.byKey = keys;
    this.uids = uidSet;
    this.namespaces = Collections.unmodifiableSortedSet(nsNames);
  }

  public static Inventory of(List<Resource> resources) {
    return new Inventory(resources, Coverage.files(), ClusterInfo.UNKNOWN);
  }

  public static Inventory of(List<Resource> resources, Coverage coverage, ClusterInfo clusterInfo) {
    return new Inventory(resources, coverage, clusterInfo);
  }

  /** The strings the objects hold already, not a concatenation of them: one key per object of a large cluster. */
  private record Key(String kind, String namespace, String name) {}

  private static Key key(String kind, String namespace, String name) {
    return new Key(kind, namespace == null ? "" : namespace, name);
  }

  public List<Resource> all() {
    return all;
  }

  public int size() {
    return all.size();
  }

  public List<Resource> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** Objects of {@code kind} in API group {@code group} ("" for core). */
  public List<Resource> ofKind(String group, String kind) {
    return ofKind(kind).stream().filter(r -> r.group().equals(group)).toList();
  }

  /** Objects of API group {@code group} ("" for core), in input order: every Gatekeeper constraint, say. */
  public List<Resource> ofGroup(String group) {
    return byGroup.getOrDefault(group, List.of());
  }

  public List<Resource> inNamespace(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  public Optional<Resource> get(String kind, String namespace, String name) {
    return Optional.ofNullable(byKey.get(key(kind, namespace, name)));
  }

  /** Namespaces declared as objects or used by any object, sorted. */
  public SortedSet<String> namespaces() {
    return namespaces;
  }

  public Coverage coverage() {
    return coverage;
  }

  public ClusterInfo clusterInfo() {
    return clusterInfo;
  }

  /**
   * A view computed once from this inventory and shared by every rule that asks for it (an RBAC graph, the
   * control-plane flags, a policy index ...), so that cross-object rules do not rescan the objects.
   *
   * @param key identifies the view, usually the class that computes it
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, java.util.function.Function<Inventory, T> compute) {
    Object value = derived.get(key);
    if (value == null) {
      // computed once even when rules running in parallel ask for it at the same time (a view never asks for
      // itself, so waiting on one key while computing another cannot close a cycle)
      synchronized (derivedLocks.computeIfAbsent(key, k -> new Object())) {
        value = derived.get(key);
        if (value == null) {
          value = compute.apply(this);
          derived.put(key, value);
        }
      }
    }
    return (T) value;
  }

  /** Every pod-owning object as a workload, in input order. */
  public synchronized List<Workload> workloads() {
    if (workloads == null) {
      List<Workload> list = new ArrayList<>();
      for (Resource r : all) {
        Workloads.of(r).ifPresent(list::add);
      }
      workloads = List.copyOf(list);
    }
    return workloads;
  }

  /**
   * True when an owner of {@code resource} (a ReplicaSet of a Pod, a Deployment of a ReplicaSet ...) is itself in
   * the inventory, so that findings about the pod template are reported once, on the top-level owner.
   */
  public boolean hasOwnerPresent(Resource resource) {
    for (ResourceRef o : resource.owners()) {
      if (o.uid() != null && uids.contains(o.uid())) {
        return true;
      }
      if (o.kind() != null && o.name() != null
          && byKey.containsKey(key(o.kind(), resource.namespace(), o.name()))) {
        return true;
      }
    }
    return false;
  }
}
