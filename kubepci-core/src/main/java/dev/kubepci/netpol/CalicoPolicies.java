package dev.kubepci.netpol;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
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

/**
 * Reads Calico NetworkPolicy and GlobalNetworkPolicy ({@code crd.projectcalico.org/v1} or
 * {@code projectcalico.org/v3}). A namespaced policy selects pods of its namespace, a global one pods of every
 * namespace (narrowed by its {@code namespaceSelector}); {@code types} default to Ingress, Egress or both after the
 * rules present. In a rule, a {@code selector} without {@code namespaceSelector} means the policy's namespace for a
 * namespaced policy and any namespace for a global one; a rule without selectors or nets matches every peer. Pods
 * carry Calico's extra labels ({@code projectcalico.org/namespace}, {@code projectcalico.org/serviceaccount},
 * {@code pcns.*} for the namespace's labels).
 */
final class CalicoPolicies {
  static final Set<String> GROUPS = Set.of("crd.projectcalico.org", "projectcalico.org");

  private CalicoPolicies() {}

  static boolean isCalicoPolicy(Resource r) {
    return GROUPS.contains(r.group()) && ("NetworkPolicy".equals(r.kind()) || "GlobalNetworkPolicy".equals(r.kind()));
  }

  /** The labels Calico's selectors see on a pod. */
  static Map<String, String> endpointLabels(PodEndpoint p) {
    Map<String, String> labels = new HashMap<>(p.labels());
    labels.put("projectcalico.org/namespace", p.namespace());
    labels.put("projectcalico.org/orchestrator", "k8s");
    labels.put("projectcalico.org/serviceaccount", p.serviceAccount());
    p.namespaceLabels().forEach((k, v) -> labels.put("pcns." + k, v));
    return labels;
  }

  /** The labels Calico's namespace selectors see. */
  static Map<String, String> namespaceLabels(PodEndpoint p) {
    Map<String, String> labels = new HashMap<>(p.namespaceLabels());
    labels.put("projectcalico.org/name", p.namespace());
    return labels;
  }

  static Policy parse(Resource r, Inventory inventory, List<PolicyProblem> problems) {
    boolean global = "GlobalNetworkPolicy".equals(r.kind());
    String ns = global ? null : (r.namespace() == null ? "default" : r.namespace());
    FieldPath base = FieldPath.root().child("spec");
    Map<String, Object> spec = r.map("spec");
    double order = number(spec.get("order"));
    String tier = spec.get("tier") instanceof String t && !t.isBlank() ? t : Policy.DEFAULT_TIER;

    CalicoSelector selector = selector(r, spec.get("selector"), base.child("selector"), problems);
    CalicoSelector nsSelector = spec.get("namespaceSelector") == null ? null
        : selector(r, spec.get("namespaceSelector"), base.child("namespaceSelector"), problems);
    CalicoSelector saSelector = spec.get("serviceAccountSelector") == null ? null
        : selector(r, spec.get("serviceAccountSelector"), base.child("serviceAccountSelector"), problems);
    Predicate<PodEndpoint> selects = p -> (global || ns.equals(p.namespace()))
        && selector.matches(endpointLabels(p))
        && (nsSelector == null || nsSelector.matches(namespaceLabels(p)))
        && (saSelector == null || saSelector.matches(Map.of("projectcalico.org/name", p.serviceAccount())));

    List<?> ingressList = r.list("spec", "ingress");
    List<?> egressList = r.list("spec", "egress");
    Set<Direction> types = EnumSet.noneOf(Direction.class);
    List<?> declared = r.list("spec", "types");
    if (declared.isEmpty()) {
      if (!ingressList.isEmpty() || egressList.isEmpty()) {
        types.add(Direction.INGRESS);
      }
      if (!egressList.isEmpty()) {
        types.add(Direction.EGRESS);
      }
    } else {
      for (Object t : declared) {
        if ("Ingress".equals(t)) {
          types.add(Direction.INGRESS);
        } else if ("Egress".equals(t)) {
          types.add(Direction.EGRESS);
        }
      }
    }
    Map<Direction, List<PolicyRule>> rules = new EnumMap<>(Direction.class);
    rules.put(Direction.INGRESS, rules(r, ns, inventory, ingressList, base.child("ingress"), Direction.INGRESS, problems));
    rules.put(Direction.EGRESS, rules(r, ns, inventory, egressList, base.child("egress"), Direction.EGRESS, problems));
    String text = "selector " + selector + (nsSelector == null ? "" : ", namespaceSelector " + nsSelector);
    return new Policy(r, PolicyKind.CALICO, ns, tier, order, selects, text, types, types, rules);
  }

  private static double number(Object o) {
    if (o instanceof Number n) {
      return n.doubleValue();
    }
    if (o instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return Double.POSITIVE_INFINITY; // Calico evaluates policies without an order last
  }

  private static CalicoSelector selector(Resource r, Object value, FieldPath path, List<PolicyProblem> problems) {
    String text = value == null ? "" : String.valueOf(value);
    try {
      return CalicoSelector.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(new PolicyProblem(r, path, text, e.getMessage()));
      return CalicoSelector.parse("global()"); // selects no pod
    }
  }

  private static List<PolicyRule> rules(Resource r, String ns, Inventory inventory, List<?> list, FieldPath base,
      Direction d, List<PolicyProblem> problems) {
    List<PolicyRule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      FieldPath path = base.index(i);
      if (!(list.get(i) instanceof Map<?, ?> rule)) {
        problems.add(new PolicyProblem(r, path, String.valueOf(list.get(i)), "rule is not a mapping"));
        continue;
      }
      RuleAction action = switch (String.valueOf(rule.get("action"))) {
        case "Allow" -> RuleAction.ALLOW;
        case "Deny" -> RuleAction.DENY;
        case "Pass" -> RuleAction.PASS;
        case "Log" -> RuleAction.LOG;
        default -> null;
      };
      if (action == null) {
        problems.add(new PolicyProblem(r, path.child("action"), String.valueOf(rule.get("action")),
            "rule action must be Allow, Deny, Pass or Log"));
        continue;
      }
      Map<?, ?> source = rule.get("source") instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> destination = rule.get("destination") instanceof Map<?, ?> m ? m : Map.of();
      Map<?, ?> peerSide = d == Direction.INGRESS ? source : destination;
      Map<?, ?> localSide = d == Direction.INGRESS ? destination : source;
      FieldPath peerPath = path.child(d == Direction.INGRESS ? "source" : "destination");
      FieldPath localPath = path.child(d == Direction.INGRESS ? "destination" : "source");
      Peer peer = entity(r, ns, inventory, peerSide, peerPath, problems);
      Peer local = entity(r, ns, inventory, Map.of("selector", orAll(localSide.get("selector")),
          "namespaceSelector", orAll(localSide.get("namespaceSelector"))), localPath, problems);
      Set<PortSet.Protocol> protocols = protocols(rule.get("protocol"));
      if (rule.get("notProtocol") != null) {
        protocols.removeAll(protocols(rule.get("notProtocol")));
      }
      Ports ports = ports(r, destination.get("ports"), protocols, path.child("destination").child("ports"), problems);
      if (destination.get("notPorts") != null) {
        ports = ports.except(entries(r, destination.get("notPorts"), protocols,
            path.child("destination").child("notPorts"), problems));
      }
      Predicate<PodEndpoint> localTest = p -> !local.match(p, PodOnly.INSTANCE).isEmpty();
      out.add(new PolicyRule(action, peer, ports, localTest, path));
    }
    return out;
  }

  private static Object orAll(Object o) {
    return o == null ? "" : o;
  }

  /** The selectors of the subject side only look at labels, never at addresses. */
  private enum PodOnly implements Peer.Addressing {
    INSTANCE;

    @Override
    public PolicyKind engine() {
      return PolicyKind.CALICO;
    }

    @Override
    public AddressSet addressesOf(PodEndpoint pod) {
      return null;
    }
  }

  /** A Calico EntityRule ({@code source} or {@code destination}) as a peer. */
  private static Peer entity(Resource r, String ns, Inventory inventory, Map<?, ?> e, FieldPath path,
      List<PolicyProblem> problems) {
    List<Peer> parts = new ArrayList<>();
    List<String> text = new ArrayList<>();
    CalicoSelector sel = e.get("selector") == null ? null : selector(r, e.get("selector"), path.child("selector"), problems);
    CalicoSelector nsSel = e.get("namespaceSelector") == null ? null
        : selector(r, e.get("namespaceSelector"), path.child("namespaceSelector"), problems);
    if (sel != null || nsSel != null) {
      boolean sameNamespace = nsSel == null && ns != null;
      parts.add(Peer.pods(p -> (sel == null || sel.matches(endpointLabels(p)))
          && (nsSel == null || nsSel.matches(namespaceLabels(p)))
          && (!sameNamespace || ns.equals(p.namespace())), ""));
      text.add((sel == null ? "all pods" : "pods " + sel)
          + (nsSel != null ? " in namespaces " + nsSel : sameNamespace ? " in namespace " + ns : " in any namespace"));
    }
    if (e.get("serviceAccounts") instanceof Map<?, ?> sa) {
      List<String> names = new ArrayList<>();
      if (sa.get("names") instanceof List<?> l) {
        l.forEach(n -> names.add(String.valueOf(n)));
      }
      CalicoSelector saSel = sa.get("selector") == null ? null
          : selector(r, sa.get("selector"), path.child("serviceAccounts").child("selector"), problems);
      parts.add(Peer.pods(p -> (names.isEmpty() || names.contains(p.serviceAccount()))
          && (saSel == null || saSel.matches(Map.of("projectcalico.org/name", p.serviceAccount())))
          && (ns == null || ns.equals(p.namespace())), ""));
      text.add("service accounts " + (names.isEmpty() ? String.valueOf(saSel) : String.join(", ", names)));
    }
    if (e.get("services") instanceof Map<?, ?> svc) {
      String name = String.valueOf(svc.get("name"));
      String svcNs = svc.get("namespace") != null ? String.valueOf(svc.get("namespace")) : ns;
      parts.add(Peer.podsOfService(inventory, svcNs, name, ""));
      text.add("pods of Service " + svcNs + "/" + name);
    }
    if (e.get("nets") instanceof List<?> nets) {
      AddressSet range = cidrs(r, nets, path.child("nets"), problems);
      parts.add(Peer.addresses(range, ""));
      text.add("nets " + String.join(", ", nets.stream().map(String::valueOf).toList()));
    }
    Peer base = parts.isEmpty() ? Peer.everything("any peer") : Peer.allOf(parts, String.join(" and ", text));
    List<Peer> excluded = new ArrayList<>();
    List<String> exText = new ArrayList<>();
    if (e.get("notSelector") != null) {
      CalicoSelector not = selector(r, e.get("notSelector"), path.child("notSelector"), problems);
      excluded.add(Peer.pods(p -> not.matches(endpointLabels(p)), ""));
      exText.add("pods " + not);
    }
    if (e.get("notNets") instanceof List<?> notNets) {
      excluded.add(Peer.addresses(cidrs(r, notNets, path.child("notNets"), problems), ""));
      exText.add("nets " + String.join(", ", notNets.stream().map(String::valueOf).toList()));
    }
    if (excluded.isEmpty()) {
      return base;
    }
    return Peer.excluding(base, Peer.anyOf(excluded, ""), base.describe() + " except " + String.join(", ", exText));
  }

  private static AddressSet cidrs(Resource r, List<?> list, FieldPath path, List<PolicyProblem> problems) {
    AddressSet out = AddressSet.EMPTY;
    for (int i = 0; i < list.size(); i++) {
      String c = String.valueOf(list.get(i));
      try {
        out = out.union(AddressSet.of(c));
      } catch (IllegalArgumentException ex) {
        problems.add(new PolicyProblem(r, path.index(i), c, "'" + c + "' is not a CIDR"));
      }
    }
    return out;
  }

  private static Set<PortSet.Protocol> protocols(Object value) {
    if (value == null) {
      return EnumSet.allOf(PortSet.Protocol.class);
    }
    String p = String.valueOf(value).trim().toUpperCase(java.util.Locale.ROOT);
    return switch (p) {
      case "TCP", "6" -> EnumSet.of(PortSet.Protocol.TCP);
      case "UDP", "17" -> EnumSet.of(PortSet.Protocol.UDP);
      case "SCTP", "132" -> EnumSet.of(PortSet.Protocol.SCTP);
      default -> EnumSet.noneOf(PortSet.Protocol.class); // ICMP and others carry no ports kubepci tracks
    };
  }

  private static Ports ports(Resource r, Object value, Set<PortSet.Protocol> protocols, FieldPath path,
      List<PolicyProblem> problems) {
    if (value == null) {
      return protocols.size() == PortSet.Protocol.values().length ? Ports.ALL
          : Ports.of(List.of(new Ports.Entry(protocols, null, null, null)));
    }
    return Ports.of(entries(r, value, protocols, path, problems));
  }

  private static List<Ports.Entry> entries(Resource r, Object value, Set<PortSet.Protocol> protocols, FieldPath path,
      List<PolicyProblem> problems) {
    List<Ports.Entry> entries = new ArrayList<>();
    if (!(value instanceof List<?> list)) {
      return entries;
    }
    for (int i = 0; i < list.size(); i++) {
      String p = String.valueOf(list.get(i)).trim();
      if (p.matches("\\d+")) {
        int n = Integer.parseInt(p);
        entries.add(new Ports.Entry(protocols, n, n, null));
      } else if (p.matches("\\d+:\\d+")) {
        String[] parts = p.split(":");
        entries.add(new Ports.Entry(protocols, Integer.valueOf(parts[0]), Integer.valueOf(parts[1]), null));
      } else if (p.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        entries.add(new Ports.Entry(protocols, null, null, p));
      } else {
        problems.add(new PolicyProblem(r, path.index(i), p, "port '" + p + "' is neither a number, a range nor a name"));
      }
    }
    return entries;
  }
}
