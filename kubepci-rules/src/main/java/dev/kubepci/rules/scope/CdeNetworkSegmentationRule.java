package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.netpol.AddressEndpoint;
import dev.kubepci.netpol.AddressSet;
import dev.kubepci.netpol.NetworkPolicies;
import dev.kubepci.netpol.PodEndpoint;
import dev.kubepci.netpol.PortSet;
import dev.kubepci.netpol.Reach;
import dev.kubepci.netpol.RuleAction;
import dev.kubepci.netpol.Verdict;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import dev.kubepci.model.ScopeZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates, with the CNI's policy semantics, every flow between CDE workloads and everything outside the CDE:
 * each out-of-scope workload, a new pod of each non-CDE namespace (standing for any pod there), and the Internet.
 * Flows with connected-to systems and the cluster DNS are listed as evidence; flows with out-of-scope systems, and
 * unrestricted Internet access, fail.
 */
@RuleInfo(id = "KPCI-0381", name = "cde-network-segmentation", severity = Severity.HIGH, readsWorkloads = true,
    readsNetworkPolicies = true)
public final class CdeNetworkSegmentationRule extends CdeRule {
  private static final int MAX_LISTED = 5;
  private static final PortSet DNS = PortSet.of(PortSet.Protocol.UDP, 53).union(PortSet.of(PortSet.Protocol.TCP, 53));
  private static final AddressSet PUBLIC_V4 = AddressSet.PUBLIC.intersect(AddressSet.of("0.0.0.0/0"));

  @Override
  Outcome check(Inventory inventory, PciScope scope, RuleContext context) {
    NetworkPolicies model = NetworkPolicies.of(inventory);
    List<PodEndpoint> cde = new ArrayList<>();
    Map<String, List<PodEndpoint>> othersByNamespace = new TreeMap<>();
    for (String ns : model.namespaces()) {
      if (!ScopeZone.CDE.equals(scope.classifyNamespace(ns))) {
        othersByNamespace.put(ns, new ArrayList<>());
      }
    }
    for (PodEndpoint p : model.workloads()) {
      if (ScopeZone.CDE.equals(scope.classify(p.resource()))) {
        cde.add(p);
      } else {
        othersByNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
      }
    }
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    for (PodEndpoint w : cde) {
      Workload workload = Workloads.of(w.resource()).orElseThrow();
      if (w.hostNetwork()) {
        out.fail(w.resource(), Violation.at(workload.podSpecPath().child("hostNetwork"), true, w.display()
            + " uses the node's network, so no network policy can separate it from out-of-scope systems"));
        continue;
      }
      List<String> inbound = new ArrayList<>();
      List<String> outbound = new ArrayList<>();
      for (Map.Entry<String, List<PodEndpoint>> ns : othersByNamespace.entrySet()) {
        ScopeZone nsScope = scope.classifyNamespace(ns.getKey());
        PodEndpoint anyPod = model.hypothetical(ns.getKey());
        Reach anyIn = model.reach(anyPod, w);
        Reach anyOut = model.reach(w, anyPod);
        record(rows, inbound, w, anyIn, "ingress", anyPod, nsScope, false);
        record(rows, outbound, w, anyOut, "egress", anyPod, nsScope, false);
        for (PodEndpoint other : ns.getValue()) {
          ScopeZone otherScope = scope.classify(other.resource());
          if (!anyIn.isAllowed() || !ScopeZone.OUT_OF_SCOPE.equals(otherScope)) {
            record(rows, inbound, w, model.reach(other, w), "ingress", other, otherScope, false);
          }
          if (!anyOut.isAllowed() || !ScopeZone.OUT_OF_SCOPE.equals(otherScope)) {
            record(rows, outbound, w, model.reach(w, other), "egress", other, otherScope, isDns(other));
          }
        }
      }
      AddressEndpoint internet = AddressEndpoint.internet();
      Reach fromInternet = model.reach(internet, w);
      if (fromInternet.isAllowed()) {
        inbound.add("the Internet (" + fromInternet.allowed() + ")");
        rows.add(row(w, "ingress", "internet", "internet", fromInternet, fromInternet.ingress()));
      }
      Reach toInternet = model.reach(w, internet);
      if (toInternet.isAllowed()) {
        boolean unrestricted = toInternet.allowed().addresses().containsAll(PUBLIC_V4);
        rows.add(row(w, "egress", "internet", unrestricted ? "internet (any address)" : "internet (named ranges)",
            toInternet, toInternet.egress()));
        if (unrestricted) {
          outbound.add("any Internet address (" + toInternet.allowed().ports() + ")");
        }
      }
      List<Violation> violations = new ArrayList<>();
      if (!inbound.isEmpty()) {
        violations.add(Violation.at(workload.podMetadataPath().child("labels"), w.labelsText(),
            w.display() + " accepts connections from out-of-scope " + list(inbound)));
      }
      if (!outbound.isEmpty()) {
        violations.add(Violation.at(workload.podMetadataPath().child("labels"), w.labelsText(),
            w.display() + " may connect to out-of-scope " + list(outbound)));
      }
      if (violations.isEmpty()) {
        out.pass();
      } else {
        out.fail(w.resource(), violations);
      }
    }
    out.table(new Table("cde-flows", "Flows between the CDE and other systems (" + model.engine().title()
        + " semantics)", List.of("CDE workload", "direction", "peer", "peer scope", "allowed", "decided by"), rows));
    return out.build("no CDE workload in the input");
  }

  /** Adds an allowed flow to the table, and to the violations when the peer is out of scope. */
  private static void record(List<List<String>> rows, List<String> violations, PodEndpoint cde, Reach r,
      String direction, PodEndpoint peer, ScopeZone peerScope, boolean dns) {
    if (!r.isAllowed()) {
      return;
    }
    Verdict deciding = "ingress".equals(direction) ? r.ingress() : r.egress();
    boolean dnsOnly = dns && DNS.intersect(r.allowed().ports()).equals(r.allowed().ports());
    String shownScope = dnsOnly ? peerScope.label() + " (cluster DNS)" : peerScope.label();
    rows.add(row(cde, direction, peer.display(), shownScope, r, deciding));
    if (ScopeZone.OUT_OF_SCOPE.equals(peerScope) && !dnsOnly) {
      violations.add(peer.display() + " (" + r.allowed().ports() + ")");
    }
  }

  private static List<String> row(PodEndpoint cde, String direction, String peer, String peerScope, Reach r,
      Verdict deciding) {
    List<String> by = new ArrayList<>();
    for (Verdict.Step s : deciding.steps()) {
      if (s.action() == RuleAction.ALLOW) {
        by.add(s.policy() == null ? "profile (no tier decided)" : s.policy().name() + " " + s.rule().path());
      }
    }
    String decided = !deciding.isolated() ? "not isolated" : by.isEmpty() ? "-" : String.join(", ",
        by.stream().distinct().toList());
    return List.of(cde.display(), direction, peer, peerScope, r.allowed().toString(), decided);
  }

  private static boolean isDns(PodEndpoint p) {
    return "kube-dns".equals(p.labels().get("k8s-app")) || "coredns".equals(p.labels().get("k8s-app"));
  }

  private static String list(List<String> items) {
    if (items.size() <= MAX_LISTED) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, MAX_LISTED)) + " and " + (items.size() - MAX_LISTED) + " more";
  }
}
