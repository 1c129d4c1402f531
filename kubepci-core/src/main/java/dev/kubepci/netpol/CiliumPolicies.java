package dev.kubepci.netpol;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.LabelSelectors.Notation;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy ({@code cilium.io/v2}), each {@code spec} or item of
 * {@code specs} as one policy. A pod selected by a policy with an {@code ingress} or {@code ingressDeny} section is
 * default-deny for ingress (unless {@code enableDefaultDeny.ingress} is false), and the same for egress. A rule
 * with no peer field and no {@code toPorts} matches nothing (the usual default-deny idiom {@code ingress: [{}]});
 * one with only {@code toPorts} matches every peer on those ports. In a namespaced policy, endpoint selectors that do
 * not name {@code io.kubernetes.pod.namespace} are limited to the policy's namespace. Deny rules win over allow rules.
 */
final class CiliumPolicies {
  static final String NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
  private static final UnaryOperator<String> KEYS = k -> k.startsWith("k8s:") ? k.substring(4)
      : k.startsWith("any:") ? k.substring(4) : k;

  private CiliumPolicies() {}

  static boolean isCiliumPolicy(Resource r) {
    return "cilium.io".equals(r.group())
        && ("CiliumNetworkPolicy".equals(r.kind()) || "CiliumClusterwideNetworkPolicy".equals(r.kind()));
  }

  /** The labels Cilium's selectors see on a pod. */
  static Map<String, String> endpointLabels(PodEndpoint p) {
    Map<String, String> labels = new HashMap<>(p.labels());
    labels.put(NAMESPACE_LABEL, p.namespace());
    labels.put("io.cilium.k8s.policy.serviceaccount", p.serviceAccount());
    labels.put("io.cilium.k8s.policy.cluster", "default");
    p.namespaceLabels().forEach((k, v) -> labels.put("io.cilium.k8s.namespace.labels." + k, v));
    return labels;
  }

  static List<Policy> parse(Resource r, Inventory inventory, List<PolicyProblem> problems) {
    List<Policy> out = new ArrayList<>();
    Map<String, Object> spec = r.map("spec");
    if (!spec.isEmpty()) {
      out.add(parse(r, spec, FieldPath.root().child("spec"), inventory, problems));
    }
    List<?> specs = r.list("specs");
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i) instanceof Map<?, ?> m) {
        out.add(parse(r, m, FieldPath.root().child("specs").index(i), inventory, problems));
      }
    }
    return out;
  }

  private static Policy parse(Resource r, Map<?, ?> spec, FieldPath base, Inventory inventory,
      List<PolicyProblem> problems) {
    boolean clusterwide = "CiliumClusterwideNetworkPolicy".equals(r.kind());
    String ns = clusterwide ? null : (r.namespace() == null ? "default" : r.namespace());
    Predicate<PodEndpoint> selects;
    String selectorText;
    if (spec.get("endpointSelector") instanceof Map<?, ?> es) {
      selects = p -> (ns == null || ns.equals(p.namespace())) && LabelSelectors.matches(es, Absent.SELECTS_ALL, endpointLabels(p), KEYS);
      selectorText = "endpointSelector " + LabelSelectors.describe(es, Notation.SPACED);
    } else {
      selects = p -> false; // a nodeSelector policy applies to nodes, never to pods
      selectorText = "nodeSelector (host policy)";
    }
    Map<?, ?> enable = spec.get("enableDefaultDeny") instanceof Map<?, ?> m ? m : Map.of();
    Set<Direction> directions = EnumSet.noneOf(Direction.class);
    Set<Direction> isolating = EnumSet.noneOf(Direction.class);
    Map<Direction, List<PolicyRule>> rules = new EnumMap<>(Direction.class);
    for (Direction d : Direction.values()) {
      String allowKey = d == Direction.INGRESS ? "ingress" : "egress";
      String denyKey = allowKey + "Deny";
      if (spec.containsKey(allowKey) || spec.containsKey(denyKey)) {
        directions.add(d);
        if (!Boolean.FALSE.equals(enable.get(allowKey))) {
          isolating.add(d);
        }
      }
      List<PolicyRule> list = new ArrayList<>();
      list.addAll(rules(r, ns, inventory, spec.get(allowKey), base.child(allowKey), d, RuleAction.ALLOW, problems));
      list.addAll(rules(r, ns, inventory, spec.get(denyKey), base.child(denyKey), d, RuleAction.DENY, problems));
      rules.put(d, list);
    }
    return new Policy(r, PolicyKind.CILIUM, ns, Policy.DEFAULT_TIER, 0, selects, selectorText, directions, isolating,
        rules);
  }

  private static List<PolicyRule> rules(Resource r, String ns, Inventory inventory, Object value, FieldPath base,
      Direction d, RuleAction action, List<PolicyProblem> problems) {
    List<PolicyRule> out = new ArrayList<>();
    if (!(value instanceof List<?> list)) {
      return out;
    }
    String from = d == Direction.INGRESS ? "from" : "to";
    for (int i = 0; i < list.size(); i++) {
      FieldPath path = base.index(i);
      Map<?, ?> rule = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
      List<Peer> peers = new ArrayList<>();
      List<String> text = new ArrayList<>();
      boolean hasL3 = false;
      if (rule.get(from + "Endpoints") instanceof List<?> eps) {
        hasL3 = true;
        for (Object o : eps) {
          Map<?, ?> sel = o instanceof Map<?, ?> m ? m : Map.of();
          boolean namesNamespace = LabelSelectors.keys(sel, KEYS).contains(NAMESPACE_LABEL);
          String scope = ns == null || namesNamespace ? "" : " in namespace " + ns;
          peers.add(Peer.pods(p -> (ns == null || namesNamespace || ns.equals(p.namespace()))
              && LabelSelectors.matches(sel, Absent.SELECTS_ALL, endpointLabels(p), KEYS), ""));
          text.add("endpoints " + LabelSelectors.describe(sel, Notation.SPACED) + scope);
        }
      }
      AddressSet cidrs = AddressSet.EMPTY;
      if (rule.get(from + "CIDR") instanceof List<?> list2) {
        hasL3 = true;
        for (int j = 0; j < list2.size(); j++) {
          cidrs = cidrs.union(cidr(r, list2.get(j), path.child(from + "CIDR").index(j), problems));
          text.add("CIDR " + list2.get(j));
        }
      }
      if (rule.get(from + "CIDRSet") instanceof List<?> sets) {
        hasL3 = true;
        for (int j = 0; j < sets.size(); j++) {
          Map<?, ?> set = sets.get(j) instanceof Map<?, ?> m ? m : Map.of();
          FieldPath setPath = path.child(from + "CIDRSet").index(j);
          AddressSet range = cidr(r, set.get("cidr"), setPath.child("cidr"), problems);
          List<String> except = new ArrayList<>();
          if (set.get("except") instanceof List<?> ex) {
            for (int k = 0; k < ex.size(); k++) {
              range = range.minus(cidr(r, ex.get(k), setPath.child("except").index(k), problems));
              except.add(String.valueOf(ex.get(k)));
            }
          }
          cidrs = cidrs.union(range);
          text.add("CIDR " + set.get("cidr") + (except.isEmpty() ? "" : " except " + String.join(", ", except)));
        }
      }
      if (!cidrs.isEmpty()) {
        peers.add(Peer.addresses(cidrs, ""));
      }
      if (rule.get(from + "Entities") instanceof List<?> entities) {
        hasL3 = true;
        for (Object o : entities) {
          peers.add(entity(String.valueOf(o)));
          text.add("entity " + o);
        }
      }
      if (d == Direction.EGRESS && rule.get("toFQDNs") instanceof List<?> fqdns) {
        hasL3 = true;
        List<String> names = new ArrayList<>();
        for (Object o : fqdns) {
          if (o instanceof Map<?, ?> m) {
            names.add(String.valueOf(m.get("matchName") != null ? m.get("matchName") : m.get("matchPattern")));
          }
        }
        // the addresses behind DNS names are unknown offline: count them as some Internet address
        peers.add(Peer.addresses(AddressSet.PUBLIC, ""));
        text.add("DNS names " + String.join(", ", names));
      }
      if (d == Direction.EGRESS && rule.get("toServices") instanceof List<?> services) {
        hasL3 = true;
        for (Object o : services) {
          Map<?, ?> svc = o instanceof Map<?, ?> m && m.get("k8sService") instanceof Map<?, ?> k ? k : Map.of();
          String name = String.valueOf(svc.get("serviceName"));
          String svcNs = svc.get("namespace") != null ? String.valueOf(svc.get("namespace")) : ns;
          peers.add(Peer.podsOfService(inventory, svcNs, name, ""));
          text.add("Service " + svcNs + "/" + name);
        }
      }
      for (String other : List.of(from + "Groups", from + "Nodes")) {
        if (rule.containsKey(other)) {
          hasL3 = true;
          problems.add(new PolicyProblem(r, path.child(other), String.valueOf(rule.get(other)), other
              + " cannot be resolved offline; kubepci counts it as matching no peer"));
        }
      }
      if (rule.containsKey(from + "Requires")) {
        problems.add(new PolicyProblem(r, path.child(from + "Requires"), String.valueOf(rule.get(from + "Requires")),
            from + "Requires narrows the rule; kubepci ignores it, so the rule may allow less than shown"));
      }
      Ports ports = ports(r, rule.get("toPorts"), path.child("toPorts"), problems);
      Peer peer;
      if (hasL3) {
        peer = Peer.anyOf(peers, String.join(" or ", text));
      } else if (rule.containsKey("toPorts") || rule.containsKey("icmps")) {
        peer = Peer.everything("any peer");
      } else {
        peer = Peer.nothing("nothing (empty rule)");
      }
      out.add(new PolicyRule(action, peer, ports, path));
    }
    return out;
  }

  private static Peer entity(String name) {
    return switch (name) {
      case "all" -> Peer.everything("every peer");
      case "world" -> outside(AddressSet.ALL, "the world");
      case "world-ipv4" -> outside(AddressSet.of("0.0.0.0/0"), "the IPv4 world");
      case "world-ipv6" -> outside(AddressSet.of("::/0"), "the IPv6 world");
      case "cluster" -> Peer.anyOf(List.of(Peer.pods(p -> true, ""), Peer.hosts("")), "the cluster");
      case "host", "remote-node" -> Peer.hosts("the nodes");
      default -> Peer.nothing("entity " + name);
    };
  }

  /** Addresses outside the cluster only: Cilium's world never includes pods or nodes. */
  private static Peer outside(AddressSet range, String description) {
    return Peer.of(description,
        (peer, addressing) -> peer instanceof AddressEndpoint a ? a.addresses().intersect(range) : AddressSet.EMPTY);
  }

  private static AddressSet cidr(Resource r, Object value, FieldPath path, List<PolicyProblem> problems) {
    String c = String.valueOf(value);
    try {
      return AddressSet.of(c);
    } catch (IllegalArgumentException e) {
      problems.add(new PolicyProblem(r, path, c, "'" + c + "' is not a CIDR"));
      return AddressSet.EMPTY;
    }
  }

  private static Ports ports(Resource r, Object value, FieldPath path, List<PolicyProblem> problems) {
    if (!(value instanceof List<?> list)) {
      return Ports.ALL;
    }
    List<Ports.Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Map<?, ?> pr = list.get(i) instanceof Map<?, ?> m ? m : Map.of();
      if (!(pr.get("ports") instanceof List<?> ps)) {
        entries.add(new Ports.Entry(EnumSet.allOf(PortSet.Protocol.class), null, null, null));
        continue;
      }
      for (int j = 0; j < ps.size(); j++) {
        Map<?, ?> p = ps.get(j) instanceof Map<?, ?> m ? m : Map.of();
        String proto = p.get("protocol") == null ? "ANY" : String.valueOf(p.get("protocol")).toUpperCase(java.util.Locale.ROOT);
        Set<PortSet.Protocol> protocols = switch (proto) {
          case "ANY" -> EnumSet.allOf(PortSet.Protocol.class);
          case "TCP" -> EnumSet.of(PortSet.Protocol.TCP);
          case "UDP" -> EnumSet.of(PortSet.Protocol.UDP);
          case "SCTP" -> EnumSet.of(PortSet.Protocol.SCTP);
          default -> EnumSet.noneOf(PortSet.Protocol.class);
        };
        String port = p.get("port") == null ? "0" : String.valueOf(p.get("port"));
        if (port.matches("\\d+")) {
          int n = Integer.parseInt(port);
          Integer end = p.get("endPort") instanceof Number e ? e.intValue() : null;
          entries.add(n == 0 ? new Ports.Entry(protocols, null, null, null)
              : new Ports.Entry(protocols, n, end == null ? n : end, null));
        } else if (!port.isBlank()) {
          entries.add(new Ports.Entry(protocols, null, null, port));
        } else {
          problems.add(new PolicyProblem(r, path.index(i).child("ports").index(j), port, "empty port"));
        }
      }
    }
    return Ports.of(entries);
  }
}
