package dev.kubepci.netpol;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.model.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The network policies of an inventory, evaluated with the semantics of the CNI that enforces them: which pods each
 * policy isolates, which namespaces deny all traffic by default, and what can flow between any two endpoints.
 * Computed once per inventory ({@code NetworkPolicies.of(inventory)}) and shared by every rule and the
 * {@code reach} command.
 *
 * <p>Semantics by engine: with Calico, Kubernetes NetworkPolicies sit in the default tier at order 1000 beside
 * Calico policies, tiers and policies are evaluated in order, the first Allow or Deny decides, Pass moves on to the
 * next tier, a tier that selects the pod and decides nothing drops the traffic (unless its default action is Pass),
 * and traffic no tier decided is allowed by the namespace profile. With Cilium, traffic passes when the pod is not
 * isolated or some allow rule matches, and no deny rule matches. Otherwise plain Kubernetes semantics apply: the
 * union of the allow rules of the policies that select the pod. Policies of a language the CNI does not speak are
 * listed as ignored.
 */
public final class NetworkPolicies implements Peer.Addressing {
  /**
   * The kinds the model reads besides the workloads: namespaces, nodes and services for addresses, and the policies
   * of each language with Calico's tiers and IP pools.
   */
  public static final List<String> KINDS = List.of("Namespace", "Node", "Service", "NetworkPolicy",
      "crd.projectcalico.org/NetworkPolicy", "crd.projectcalico.org/GlobalNetworkPolicy", "crd.projectcalico.org/Tier",
      "crd.projectcalico.org/IPPool", "cilium.io/CiliumNetworkPolicy", "cilium.io/CiliumClusterwideNetworkPolicy");

  private static final double DEFAULT_TIER_ORDER = 1_000_000;

  private final Cni cni;
  private final PolicyKind engine;
  private final List<PodEndpoint> workloads;
  private final Map<String, List<PodEndpoint>> workloadsByNamespace;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final Map<String, Resource> namespaceObjects;
  private final List<Policy> all;
  private final List<Policy> effective;
  private final List<Policy> ignored;
  private final Map<String, List<Policy>> byNamespace;
  private final List<Policy> global;
  private final List<PolicyProblem> problems;
  private final AddressSet podNetwork;
  private final AddressSet nodeAddresses;
  private final Map<String, Double> tierOrder = new HashMap<>();
  private final Map<String, Boolean> tierPasses = new HashMap<>();
  private final Map<ResourceRef, PodEndpoint> byRef = new HashMap<>();
  private final Map<String, List<Policy>> candidates = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, PodEndpoint> hypothetical = new java.util.concurrent.ConcurrentHashMap<>();

  private NetworkPolicies(Inventory inventory) {
    this.cni = Cni.of(inventory);
    this.namespaceLabels = new TreeMap<>();
    this.namespaceObjects = new HashMap<>();
    for (String ns : inventory.namespaces()) {
      Map<String, String> labels = new HashMap<>();
      Optional<Resource> obj = inventory.get("Namespace", null, ns);
      obj.ifPresent(o -> labels.putAll(o.labels()));
      // the API server sets this label on every namespace
      labels.put("kubernetes.io/metadata.name", ns);
      namespaceLabels.put(ns, Map.copyOf(labels));
      obj.ifPresent(o -> namespaceObjects.put(ns, o));
    }

    List<PodEndpoint> eps = new ArrayList<>();
    for (Workload w : inventory.workloads()) {
      Resource r = w.resource();
      if (r.namespace() == null || "PodTemplate".equals(r.kind()) || inventory.hasOwnerPresent(r)) {
        continue;
      }
      PodEndpoint ep = endpoint(w);
      eps.add(ep);
      byRef.put(r.ref(), ep);
    }
    eps.sort(Comparator.comparing(e -> e.resource().ref(), ResourceRef.ORDER));
    this.workloads = List.copyOf(eps);
    Map<String, List<PodEndpoint>> byNs = new TreeMap<>();
    for (PodEndpoint e : workloads) {
      byNs.computeIfAbsent(e.namespace(), k -> new ArrayList<>()).add(e);
    }
    this.workloadsByNamespace = byNs;

    List<PolicyProblem> probs = new ArrayList<>();
    List<Policy> parsed = new ArrayList<>();
    boolean calicoPolicies = false;
    boolean ciliumPolicies = false;
    for (Resource r : inventory.ofKind("NetworkPolicy")) {
      Optional<NetworkPolicy> np = r.as(NetworkPolicy.class);
      if (np.isPresent()) {
        parsed.add(KubernetesPolicies.parse(r, np.get(), probs));
      } else if (CalicoPolicies.isCalicoPolicy(r)) {
        parsed.add(CalicoPolicies.parse(r, inventory, probs));
        calicoPolicies = true;
      }
    }
    for (Resource r : inventory.ofKind("GlobalNetworkPolicy")) {
      if (CalicoPolicies.isCalicoPolicy(r)) {
        parsed.add(CalicoPolicies.parse(r, inventory, probs));
        calicoPolicies = true;
      }
    }
    for (String kind : List.of("CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy")) {
      for (Resource r : inventory.ofKind(kind)) {
        if (CiliumPolicies.isCiliumPolicy(r)) {
          parsed.addAll(CiliumPolicies.parse(r, inventory, probs));
          ciliumPolicies = true;
        }
      }
    }
    parsed.sort(Comparator.comparing((Policy p) -> p.source().ref(), ResourceRef.ORDER));
    this.all = List.copyOf(parsed);
    this.problems = List.copyOf(probs);

    Optional<Cni.Plugin> enforcer = cni.enforcer();
    if (enforcer.isPresent()) {
      this.engine = switch (enforcer.get().name()) {
        case "calico" -> PolicyKind.CALICO;
        case "cilium" -> PolicyKind.CILIUM;
        default -> PolicyKind.KUBERNETES;
      };
    } else if (cni.plugins().isEmpty() && calicoPolicies && !ciliumPolicies) {
      this.engine = PolicyKind.CALICO; // CRDs present though the CNI is not in the input
    } else if (cni.plugins().isEmpty() && ciliumPolicies && !calicoPolicies) {
      this.engine = PolicyKind.CILIUM;
    } else {
      this.engine = PolicyKind.KUBERNETES;
    }
    List<Policy> eff = new ArrayList<>();
    List<Policy> ign = new ArrayList<>();
    for (Policy p : all) {
      (p.kind() == PolicyKind.KUBERNETES || p.kind() == engine ? eff : ign).add(p);
    }
    this.effective = List.copyOf(eff);
    this.ignored = List.copyOf(ign);
    Map<String, List<Policy>> nsPolicies = new HashMap<>();
    List<Policy> globals = new ArrayList<>();
    for (Policy p : effective) {
      if (p.namespace() == null) {
        globals.add(p);
      } else {
        nsPolicies.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
      }
    }
    this.byNamespace = nsPolicies;
    this.global = List.copyOf(globals);

    for (Resource t : inventory.ofKind("Tier")) {
      if (CalicoPolicies.GROUPS.contains(t.group())) {
        Object order = t.field("spec", "order").orElse(null);
        tierOrder.put(t.name(), order instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY);
        tierPasses.put(t.name(), "Pass".equals(t.string("spec", "defaultAction").orElse("Deny")));
      }
    }
    tierOrder.putIfAbsent(Policy.DEFAULT_TIER, DEFAULT_TIER_ORDER);

    AddressSet pods = AddressSet.EMPTY;
    AddressSet nodes = AddressSet.EMPTY;
    for (Resource r : inventory.ofKind("Node")) {
      Node n = r.as(Node.class).orElse(null);
      if (n == null) {
        continue;
      }
      if (n.getSpec() != null) {
        List<String> cidrs = new ArrayList<>();
        if (n.getSpec().getPodCIDRs() != null) {
          cidrs.addAll(n.getSpec().getPodCIDRs());
        }
        if (n.getSpec().getPodCIDR() != null) {
          cidrs.add(n.getSpec().getPodCIDR());
        }
        pods = pods.union(AddressSet.ofValid(cidrs));
      }
      if (n.getStatus() != null && n.getStatus().getAddresses() != null) {
        for (NodeAddress a : n.getStatus().getAddresses()) {
          if (("InternalIP".equals(a.getType()) || "ExternalIP".equals(a.getType())) && a.getAddress() != null) {
            nodes = nodes.union(AddressSet.ofValid(List.of(a.getAddress())));
          }
        }
      }
    }
    for (Resource r : inventory.ofKind("IPPool")) {
      if (CalicoPolicies.GROUPS.contains(r.group())) {
        pods = pods.union(AddressSet.ofValid(r.string("spec", "cidr").map(List::of).orElse(List.of())));
      }
    }
    for (ControlPlane.Instance i : ControlPlane.of(inventory).instances(ControlPlane.Component.KUBE_CONTROLLER_MANAGER)) {
      String cidr = i.flags().get("cluster-cidr");
      if (cidr != null) {
        pods = pods.union(AddressSet.ofValid(List.of(cidr.split(","))));
      }
    }
    this.podNetwork = pods.isEmpty() ? null : pods;
    this.nodeAddresses = nodes.isEmpty() ? null : nodes;
  }

  /** The network policies of {@code inventory}, evaluated once and shared. */
  public static NetworkPolicies of(Inventory inventory) {
    return inventory.derived(NetworkPolicies.class, NetworkPolicies::new);
  }

  private PodEndpoint endpoint(Workload w) {
    Map<String, PodEndpoint.NamedPort> named = new LinkedHashMap<>();
    for (Workload.ContainerRef c : w.containers()) {
      Container container = c.container();
      if (container.getPorts() == null) {
        continue;
      }
      for (ContainerPort p : container.getPorts()) {
        if (p.getName() != null && p.getContainerPort() != null) {
          try {
            named.putIfAbsent(p.getName(), new PodEndpoint.NamedPort(PortSet.Protocol.parse(p.getProtocol()),
                p.getContainerPort()));
          } catch (IllegalArgumentException e) {
            // an unknown protocol cannot be named by a policy either
          }
        }
      }
    }
    AddressSet addresses = null;
    if (w.resource().object() instanceof Pod pod && pod.getStatus() != null) {
      List<String> ips = new ArrayList<>();
      if (pod.getStatus().getPodIPs() != null) {
        pod.getStatus().getPodIPs().stream().map(PodIP::getIp).filter(ip -> ip != null).forEach(ips::add);
      }
      if (pod.getStatus().getPodIP() != null) {
        ips.add(pod.getStatus().getPodIP());
      }
      AddressSet known = AddressSet.ofValid(ips);
      addresses = known.isEmpty() ? null : known;
    }
    String ns = w.namespace();
    return new PodEndpoint(w.resource(), ns, w.podLabels(), namespaceLabels(ns), w.serviceAccountName(),
        Boolean.TRUE.equals(w.podSpec().getHostNetwork()), named, addresses, false);
  }

  // ---- what the model holds

  public Cni cni() {
    return cni;
  }

  /** The semantics policies are evaluated with. */
  public PolicyKind engine() {
    return engine;
  }

  /** Every pod-owning workload at the top of its owner chain, sorted. */
  public List<PodEndpoint> workloads() {
    return workloads;
  }

  public List<PodEndpoint> workloads(String namespace) {
    return workloadsByNamespace.getOrDefault(namespace, List.of());
  }

  public Optional<PodEndpoint> workload(ResourceRef ref) {
    return Optional.ofNullable(byRef.get(ref));
  }

  /** Namespaces declared or used in the input, sorted. */
  public SortedSet<String> namespaces() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(namespaceLabels.keySet()));
  }

  /** A namespace's labels, with the {@code kubernetes.io/metadata.name} label the API server adds. */
  public Map<String, String> namespaceLabels(String namespace) {
    return namespaceLabels.getOrDefault(namespace, Map.of("kubernetes.io/metadata.name", namespace));
  }

  /** A new pod without labels in {@code namespace}: what a namespace-wide default applies to. */
  public PodEndpoint hypothetical(String namespace) {
    return hypothetical.computeIfAbsent(namespace, this::newPod);
  }

  private PodEndpoint newPod(String namespace) {
    Resource anchor = namespaceObjects.get(namespace);
    if (anchor == null) {
      Namespace ns = new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build();
      // no Namespace object was given: the pod stands in a namespace only the policies' analysis knows of
      anchor = new Resource(ns, dev.kubepci.model.Provenance.derived("network policy analysis",
          "namespace " + namespace));
    }
    return new PodEndpoint(anchor, namespace, Map.of(), namespaceLabels(namespace), "default", false, Map.of(), null,
        true);
  }

  /** Every policy read, of any language, sorted. */
  public List<Policy> policies() {
    return all;
  }

  /** The policies the CNI applies. */
  public List<Policy> effectivePolicies() {
    return effective;
  }

  /** Policies of a language the CNI does not speak (Cilium policies on a Calico cluster ...). */
  public List<Policy> ignoredPolicies() {
    return ignored;
  }

  public List<PolicyProblem> problems() {
    return problems;
  }

  // ---- evaluation

  @Override
  public AddressSet addressesOf(PodEndpoint pod) {
    if (pod.hostNetwork()) {
      return nodeAddresses;
    }
    return pod.addresses() != null ? pod.addresses() : podNetwork;
  }

  /** The pod network as far as the input tells (node pod CIDRs, Calico IP pools, --cluster-cidr); null if unknown. */
  public Optional<AddressSet> podNetwork() {
    return Optional.ofNullable(podNetwork);
  }

  private List<Policy> candidates(PodEndpoint pod) {
    return candidates.computeIfAbsent(pod.namespace(), ns -> {
      List<Policy> out = new ArrayList<>(byNamespace.getOrDefault(ns, List.of()));
      out.addAll(global);
      out.sort(Comparator.comparing(Policy::name));
      return List.copyOf(out);
    });
  }

  /** Whether a pod is isolated for ingress and for egress, and by which policies. */
  public record Isolation(PodEndpoint pod, boolean ingress, boolean egress, List<Policy> ingressPolicies,
      List<Policy> egressPolicies) {
    public boolean isolated(Direction d) {
      return d == Direction.INGRESS ? ingress : egress;
    }

    public List<Policy> policies(Direction d) {
      return d == Direction.INGRESS ? ingressPolicies : egressPolicies;
    }
  }

  public Isolation isolation(PodEndpoint pod) {
    Map<Direction, List<Policy>> selecting = new EnumMap<>(Direction.class);
    Map<Direction, Boolean> isolated = new EnumMap<>(Direction.class);
    for (Direction d : Direction.values()) {
      List<Policy> sel = selecting(pod, d);
      selecting.put(d, sel);
      isolated.put(d, isolates(sel, d));
    }
    return new Isolation(pod, isolated.get(Direction.INGRESS), isolated.get(Direction.EGRESS),
        List.copyOf(selecting.get(Direction.INGRESS)), List.copyOf(selecting.get(Direction.EGRESS)));
  }

  private List<Policy> selecting(PodEndpoint pod, Direction d) {
    List<Policy> out = new ArrayList<>();
    for (Policy p : candidates(pod)) {
      if (p.appliesTo(pod, d)) {
        out.add(p);
      }
    }
    return out;
  }

  private boolean isolates(List<Policy> selecting, Direction d) {
    return switch (engine) {
      case KUBERNETES -> !selecting.isEmpty();
      case CILIUM -> selecting.stream().anyMatch(p -> p.isolating().contains(d));
      case CALICO -> selecting.stream().anyMatch(p -> !tierPasses.getOrDefault(p.tier(), false));
    };
  }

  /**
   * A policy that makes {@code namespace} deny {@code d} traffic by default: it selects every workload of the
   * namespace and a new pod without labels, isolates them for {@code d}, and lets nothing through itself.
   */
  public Optional<Policy> defaultDeny(String namespace, Direction d) {
    List<PodEndpoint> subjects = new ArrayList<>();
    subjects.add(hypothetical(namespace));
    workloads(namespace).stream().filter(w -> !w.hostNetwork()).forEach(subjects::add);
    List<Policy> candidates = new ArrayList<>(byNamespace.getOrDefault(namespace, List.of()));
    candidates.addAll(global);
    for (Policy p : candidates) {
      boolean selectsAll = subjects.stream().allMatch(s -> p.appliesTo(s, d));
      boolean isolating = switch (p.kind()) {
        case CILIUM -> p.isolating().contains(d);
        case CALICO -> !tierPasses.getOrDefault(p.tier(), false);
        case KUBERNETES -> true;
      };
      if (selectsAll && isolating && p.rules(d).stream().noneMatch(PolicyRule::letsThrough)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * What the policies of {@code subject} decide for {@code d} traffic with {@code peer}: ingress from the peer, or
   * egress to it.
   */
  public Verdict evaluate(PodEndpoint subject, Direction d, Endpoint peer) {
    return evaluate(subject, d, peer, PortSet.ALL);
  }

  /**
   * What the policies of {@code subject} decide for {@code d} traffic with {@code peer} on {@code ports} only: the
   * verdict, its steps and its summary speak of no other port.
   */
  public Verdict evaluate(PodEndpoint subject, Direction d, Endpoint peer, PortSet ports) {
    TrafficSet region = TrafficSet.of(Peer.whole(peer), ports);
    if (subject.hostNetwork()) {
      return new Verdict(d, subject, false, false, region, List.of(), List.of(),
          () -> subject.display() + " uses the node's network, which NetworkPolicy does not cover");
    }
    PodEndpoint destination = d == Direction.INGRESS ? subject : (peer instanceof PodEndpoint p ? p : null);
    List<Policy> sel = selecting(subject, d);
    return switch (engine) {
      case KUBERNETES -> union(subject, d, peer, destination, region, sel, false);
      case CILIUM -> union(subject, d, peer, destination, region, sel, true);
      case CALICO -> tiers(subject, d, peer, destination, region, sel);
    };
  }

  private Verdict union(PodEndpoint subject, Direction d, Endpoint peer, PodEndpoint destination, TrafficSet region,
      List<Policy> sel, boolean withDeny) {
    boolean isolated = isolates(sel, d);
    List<Verdict.Step> steps = new ArrayList<>();
    TrafficSet allowed = isolated ? TrafficSet.NONE : region;
    TrafficSet denied = TrafficSet.NONE;
    for (Policy p : sel) {
      for (PolicyRule rule : p.rules(d)) {
        AddressSet addrs = rule.peer().match(peer, this);
        if (addrs.isEmpty()) {
          continue;
        }
        TrafficSet covered = region.intersect(addrs, rule.ports().resolve(destination));
        if (covered.isEmpty()) {
          continue;
        }
        if (rule.action() == RuleAction.ALLOW) {
          allowed = allowed.plus(covered);
          steps.add(step(p, rule, covered));
        } else if (rule.action() == RuleAction.DENY && withDeny) {
          denied = denied.plus(covered);
          steps.add(step(p, rule, covered));
        }
      }
    }
    allowed = allowed.minus(denied);
    TrafficSet finalAllowed = allowed;
    TrafficSet finalDenied = denied;
    java.util.function.Supplier<String> summary = () -> {
      String what = d.label() + " of " + subject.display();
      if (!isolated) {
        return what + " is not isolated: no policy selects it for " + d.label()
            + (finalDenied.isEmpty() ? "" : ", but deny rules remove " + finalDenied);
      }
      return what + " is isolated by " + String.join(", ", sel.stream().map(Policy::name).toList())
          + (finalAllowed.isEmpty() ? "; no rule admits " + peer.display() : "; rules admit " + finalAllowed);
    };
    return new Verdict(d, subject, true, isolated, allowed, sel, steps, summary);
  }

  private Verdict tiers(PodEndpoint subject, Direction d, Endpoint peer, PodEndpoint destination, TrafficSet region,
      List<Policy> sel) {
    Map<String, List<Policy>> byTier = new TreeMap<>(Comparator
        .comparing((String t) -> tierOrder.getOrDefault(t, Double.POSITIVE_INFINITY)).thenComparing(t -> t));
    for (Policy p : sel) {
      byTier.computeIfAbsent(p.tier(), k -> new ArrayList<>()).add(p);
    }
    List<Verdict.Step> steps = new ArrayList<>();
    TrafficSet undecided = region;
    TrafficSet allowed = TrafficSet.NONE;
    boolean isolated = false;
    for (Map.Entry<String, List<Policy>> tier : byTier.entrySet()) {
      List<Policy> policies = new ArrayList<>(tier.getValue());
      policies.sort(Comparator.comparingDouble(Policy::order).thenComparing(Policy::name));
      TrafficSet remaining = undecided;
      TrafficSet passed = TrafficSet.NONE;
      for (Policy p : policies) {
        for (PolicyRule rule : p.rules(d)) {
          if (rule.action() == RuleAction.LOG || !rule.local().test(subject)) {
            continue;
          }
          AddressSet addrs = rule.peer().match(peer, this);
          if (addrs.isEmpty()) {
            continue;
          }
          PortSet ports = rule.ports().resolve(destination);
          TrafficSet covered = remaining.intersect(addrs, ports);
          if (covered.isEmpty()) {
            continue;
          }
          remaining = remaining.minus(addrs, ports);
          steps.add(step(p, rule, covered));
          if (rule.action() == RuleAction.ALLOW) {
            allowed = allowed.plus(covered);
          } else if (rule.action() == RuleAction.PASS) {
            passed = passed.plus(covered);
          }
        }
      }
      boolean passes = tierPasses.getOrDefault(tier.getKey(), false);
      if (!remaining.isEmpty()) {
        steps.add(new Verdict.Step(null, null, passes ? RuleAction.PASS : RuleAction.DENY, remaining,
            "end of tier " + tier.getKey() + ": no rule matched %s, "
                + (passes ? "passed on (the tier's default action is Pass)" : "denied")));
      }
      if (passes) {
        passed = passed.plus(remaining);
      } else {
        isolated = true;
      }
      undecided = passed;
    }
    if (!undecided.isEmpty()) {
      allowed = allowed.plus(undecided);
      steps.add(new Verdict.Step(null, null, RuleAction.ALLOW, undecided,
          "no tier decided %s: the namespace profile allows it"));
    }
    TrafficSet finalAllowed = allowed;
    java.util.function.Supplier<String> summary = () -> {
      String what = d.label() + " of " + subject.display();
      return sel.isEmpty() ? what + " is not isolated: no policy selects it for " + d.label()
          : what + " is decided by " + String.join(", ", sel.stream().map(Policy::name).toList())
              + (finalAllowed.isEmpty()
                  ? (d == Direction.EGRESS ? "; nothing to " : "; nothing from ") + peer.display() + " is allowed"
                  : "; allowed: " + finalAllowed);
    };
    return new Verdict(d, subject, true, isolated, allowed, sel, steps, summary);
  }

  /**
   * What the policies of one end allow in direction {@code d}; an end outside the cluster has none, so all of
   * {@code region} passes it.
   */
  private Verdict end(Endpoint subject, Direction d, Endpoint peer, PortSet ports, TrafficSet region) {
    if (subject instanceof PodEndpoint p) {
      return evaluate(p, d, peer, ports);
    }
    return new Verdict(d, subject, false, false, region, List.of(), List.of(),
        () -> subject.display() + " is outside the cluster: no " + d.label() + " policy applies to it");
  }

  private static Verdict.Step step(Policy p, PolicyRule rule, TrafficSet covered) {
    return new Verdict.Step(p, rule, rule.action(), covered, null);
  }

  /** Whether traffic can flow from {@code from} to {@code to}, with the policies that decide it. */
  public Reach reach(Endpoint from, Endpoint to) {
    return reach(from, to, PortSet.ALL);
  }

  /**
   * Whether traffic on {@code ports} can flow from {@code from} to {@code to}: what a user asked about one port
   * is answered, and explained, for that port only.
   */
  public Reach reach(Endpoint from, Endpoint to, PortSet ports) {
    if (from instanceof AddressEndpoint && to instanceof AddressEndpoint) {
      throw new IllegalArgumentException("at least one end must be a workload or a namespace");
    }
    AddressSet space = from instanceof AddressEndpoint a ? a.addresses()
        : to instanceof AddressEndpoint b ? b.addresses() : AddressSet.ALL;
    TrafficSet region = TrafficSet.of(space, ports);
    List<String> notes = new ArrayList<>();
    Verdict egress = end(from, Direction.EGRESS, to, ports, region);
    Verdict ingress = end(to, Direction.INGRESS, from, ports, region);
    TrafficSet allowed = egress.allowed().intersect(ingress.allowed());
    if (from instanceof PodEndpoint p && p.hostNetwork() && to instanceof PodEndpoint) {
      notes.add(from.display() + " uses the node's network: its traffic comes from the node's address, and "
          + "traffic from a pod's own node is always allowed");
    }
    if (to instanceof PodEndpoint q && q.hostNetwork()) {
      notes.add(to.display() + " uses the node's network: NetworkPolicy cannot protect it");
    }
    boolean viaIpBlock = viaAddresses(egress, to) || viaAddresses(ingress, from);
    if (viaIpBlock) {
      notes.add("an address rule (ipBlock, nets or CIDR) was counted as covering pod addresses; whether it does "
          + "depends on the CNI and on the pod network ranges");
    }
    switch (cni.enforcement()) {
      case DOES_NOT_ENFORCE -> {
        notes.add("the CNI (" + cni.describe() + ") does not enforce NetworkPolicy: all traffic flows whatever the "
            + "policies say");
        allowed = region;
      }
      case UNKNOWN -> notes.add("no CNI that enforces NetworkPolicy was recognised in the input (" + cni.describe()
          + "); the verdict assumes the policies are enforced");
      default -> { }
    }
    if (!ignored.isEmpty()) {
      notes.add("ignored " + ignored.size() + " policies the CNI does not apply ("
          + String.join(", ", ignored.stream().map(Policy::name).distinct().toList()) + ")");
    }
    notes.add("evaluated with " + engine.title() + " semantics");
    return new Reach(from, to, egress, ingress, allowed, notes);
  }

  private static boolean viaAddresses(Verdict v, Endpoint peer) {
    return peer instanceof PodEndpoint && v.steps().stream()
        .anyMatch(s -> s.rule() != null && s.rule().action() == RuleAction.ALLOW && s.rule().peer().addressBased());
  }
}
