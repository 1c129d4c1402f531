package dev.kubepci.netpol;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.LabelSelectors.Notation;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code networking.k8s.io/v1} NetworkPolicies with the semantics of the Kubernetes API:
 * <ul>
 *   <li>an absent {@code podSelector} is the empty selector and selects every pod of the namespace;</li>
 *   <li>absent {@code policyTypes} default to Ingress, plus Egress when the policy has egress rules;</li>
 *   <li>an empty or absent {@code from}/{@code to} matches every peer, an empty or absent {@code ports} every port;</li>
 *   <li>a peer with only {@code podSelector} means pods of the policy's namespace, with only
 *       {@code namespaceSelector} every pod of the matching namespaces, with both the matching pods of the matching
 *       namespaces; {@code ipBlock} is the CIDR minus its {@code except} ranges;</li>
 *   <li>a port without protocol is TCP, without number every port of the protocol; a named port is looked up in
 *       the destination pod's container ports; {@code endPort} makes a range.</li>
 * </ul>
 */
final class KubernetesPolicies {
  private KubernetesPolicies() {}

  static Policy parse(Resource resource, NetworkPolicy np, List<PolicyProblem> problems) {
    String ns = resource.namespace() == null ? "default" : resource.namespace();
    NetworkPolicySpec spec = np.getSpec() == null ? new NetworkPolicySpec() : np.getSpec();
    FieldPath base = FieldPath.root().child("spec");
    LabelSelector podSelector = spec.getPodSelector();
    String selectorText = LabelSelectors.describe(podSelector, Notation.SPACED);

    Set<Direction> types = EnumSet.noneOf(Direction.class);
    List<String> declared = spec.getPolicyTypes() == null ? List.of() : spec.getPolicyTypes();
    if (declared.isEmpty()) {
      types.add(Direction.INGRESS);
      if (spec.getEgress() != null && !spec.getEgress().isEmpty()) {
        types.add(Direction.EGRESS);
      }
    } else {
      for (int i = 0; i < declared.size(); i++) {
        String t = declared.get(i);
        if ("Ingress".equals(t)) {
          types.add(Direction.INGRESS);
        } else if ("Egress".equals(t)) {
          types.add(Direction.EGRESS);
        } else {
          problems.add(new PolicyProblem(resource, base.child("policyTypes").index(i), t,
              "policy type '" + t + "' is neither Ingress nor Egress"));
        }
      }
    }

    Map<Direction, List<PolicyRule>> rules = new EnumMap<>(Direction.class);
    rules.put(Direction.INGRESS, rules(resource, ns, INGRESS, spec.getIngress(), base, problems));
    rules.put(Direction.EGRESS, rules(resource, ns, EGRESS, spec.getEgress(), base, problems));

    return new Policy(resource, PolicyKind.KUBERNETES, ns, Policy.DEFAULT_TIER, 1000, pod -> ns.equals(pod.namespace())
        && LabelSelectors.matches(podSelector, Absent.SELECTS_ALL, pod.labels()),
        "podSelector " + selectorText, types, types, rules);
  }

  /**
   * How one direction's rules are spelled: {@code spec.ingress[i].from} (peers named "any source" when absent) or
   * {@code spec.egress[i].to} ("any destination"), each rule with its {@code ports}.
   */
  private record Side<R>(String field, String peersField, String anyPeer, Function<R, List<NetworkPolicyPeer>> peers,
      Function<R, List<NetworkPolicyPort>> ports) {}

  private static final Side<NetworkPolicyIngressRule> INGRESS = new Side<>("ingress", "from", "source",
      NetworkPolicyIngressRule::getFrom, NetworkPolicyIngressRule::getPorts);
  private static final Side<NetworkPolicyEgressRule> EGRESS = new Side<>("egress", "to", "destination",
      NetworkPolicyEgressRule::getTo, NetworkPolicyEgressRule::getPorts);

  /** The allow rules of one direction, in order; {@code declared} may be null (none). */
  private static <R> List<PolicyRule> rules(Resource resource, String ns, Side<R> side, List<R> declared,
      FieldPath spec, List<PolicyProblem> problems) {
    List<R> list = declared == null ? List.of() : declared;
    List<PolicyRule> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      R r = list.get(i);
      FieldPath path = spec.child(side.field()).index(i);
      out.add(new PolicyRule(RuleAction.ALLOW,
          peers(resource, ns, side.peers().apply(r), path.child(side.peersField()), side.anyPeer(), problems),
          ports(resource, side.ports().apply(r), path.child("ports"), problems), path));
    }
    return out;
  }

  private static Peer peers(Resource resource, String ns, List<NetworkPolicyPeer> list, FieldPath path, String what,
      List<PolicyProblem> problems) {
    if (list == null || list.isEmpty()) {
      return Peer.everything("any " + what);
    }
    List<Peer> out = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Peer p = peer(resource, ns, list.get(i), path.index(i), problems);
      out.add(p);
      texts.add(p.describe());
    }
    return Peer.anyOf(out, String.join(" or ", texts));
  }

  static Peer peer(Resource resource, String ns, NetworkPolicyPeer peer, FieldPath path, List<PolicyProblem> problems) {
    IPBlock block = peer.getIpBlock();
    LabelSelector pods = peer.getPodSelector();
    LabelSelector namespaces = peer.getNamespaceSelector();
    if (block != null) {
      return ipBlock(resource, block, path.child("ipBlock"), problems);
    }
    if (pods == null && namespaces == null) {
      problems.add(new PolicyProblem(resource, path, "{}", "peer names neither podSelector, namespaceSelector nor ipBlock"));
      return Peer.nothing("an empty peer");
    }
    if (namespaces == null) {
      return Peer.pods(p -> ns.equals(p.namespace()) && LabelSelectors.matches(pods, Absent.SELECTS_ALL, p.labels()),
          "pods " + LabelSelectors.describe(pods, Notation.SPACED) + " in namespace " + ns);
    }
    String nsText = LabelSelectors.isEmpty(namespaces) ? "all namespaces"
        : "namespaces " + LabelSelectors.describe(namespaces, Notation.SPACED);
    if (pods == null) {
      return Peer.pods(p -> LabelSelectors.matches(namespaces, Absent.SELECTS_ALL, p.namespaceLabels()), "all pods in " + nsText);
    }
    return Peer.pods(p -> LabelSelectors.matches(namespaces, Absent.SELECTS_ALL, p.namespaceLabels())
        && LabelSelectors.matches(pods, Absent.SELECTS_ALL, p.labels()), "pods " + LabelSelectors.describe(pods, Notation.SPACED) + " in " + nsText);
  }

  private static Peer ipBlock(Resource resource, IPBlock block, FieldPath path, List<PolicyProblem> problems) {
    AddressSet range;
    try {
      range = AddressSet.of(block.getCidr());
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(new PolicyProblem(resource, path.child("cidr"), block.getCidr(),
          "ipBlock cidr " + (block.getCidr() == null ? "is missing" : "'" + block.getCidr() + "' is not a CIDR")));
      return Peer.nothing("an invalid ipBlock");
    }
    List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
    for (int i = 0; i < except.size(); i++) {
      try {
        range = range.minus(AddressSet.of(except.get(i)));
      } catch (IllegalArgumentException e) {
        problems.add(new PolicyProblem(resource, path.child("except").index(i), except.get(i),
            "ipBlock except '" + except.get(i) + "' is not a CIDR"));
      }
    }
    String text = "ipBlock " + block.getCidr() + (except.isEmpty() ? "" : " except " + String.join(", ", except));
    return Peer.addresses(range, text);
  }

  private static Ports ports(Resource resource, List<NetworkPolicyPort> list, FieldPath path,
      List<PolicyProblem> problems) {
    if (list == null || list.isEmpty()) {
      return Ports.ALL;
    }
    List<Ports.Entry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      NetworkPolicyPort p = list.get(i);
      PortSet.Protocol protocol;
      try {
        protocol = PortSet.Protocol.parse(p.getProtocol());
      } catch (IllegalArgumentException e) {
        problems.add(new PolicyProblem(resource, path.index(i).child("protocol"), p.getProtocol(), e.getMessage()));
        continue;
      }
      IntOrString port = p.getPort();
      Integer number = null;
      String name = null;
      if (port != null) {
        if (port.getIntVal() != null) {
          number = port.getIntVal();
        } else if (port.getStrVal() != null && port.getStrVal().matches("\\d+")) {
          number = Integer.valueOf(port.getStrVal());
        } else {
          name = port.getStrVal();
        }
      }
      Integer end = number != null && p.getEndPort() != null ? p.getEndPort() : number;
      entries.add(new Ports.Entry(Set.of(protocol), number, end, name));
    }
    return Ports.of(entries);
  }
}
