package dev.kubepci.rules.platform;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.netpol.AddressSet;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags Services that put the API server, kubelets, etcd or an administrative UI on addresses outside the cluster
 * without an IP allow-list: NodePort (every node's address, no source restriction possible), externalIPs, and
 * LoadBalancers without {@code loadBalancerSourceRanges} (or with 0.0.0.0/0). Load balancers the provider keeps
 * internal are listed, not failed.
 */
@RuleInfo(id = "KPCI-0310", name = "exposed-management-service", severity = Severity.HIGH, reads = {"Service", "Pod",
    "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"})
@EachObject(value = "Service", ifNone = "no Service leads to a management interface in the input")
public final class ExposedManagementServiceRule implements ResourceRule {
  private static final List<String> INTERNAL_LB_ANNOTATIONS = List.of(
      "service.beta.kubernetes.io/aws-load-balancer-internal", "service.beta.kubernetes.io/azure-load-balancer-internal",
      "networking.gke.io/load-balancer-type", "cloud.google.com/load-balancer-type");

  private static final TableHeader SERVICES = new TableHeader("management-services",
      "Services in front of management interfaces",
      List.of("service", "type", "leads to", "reachable from", "source ranges")).sorted();

  /** The workloads of the input by namespace, once: a Service only selects pods of its own namespace. */
  private record ByNamespace(Map<String, List<Workload>> workloads) {
    static ByNamespace of(Inventory inventory) {
      return inventory.derived(ByNamespace.class, inv -> {
        Map<String, List<Workload>> workloads = new HashMap<>();
        for (Workload w : inv.workloads()) {
          if (w.namespace() != null) {
            workloads.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
          }
        }
        return new ByNamespace(workloads);
      });
    }
  }

  @Override
  public List<TableHeader> tables() {
    return List.of(SERVICES);
  }

  @Override
  public List<Violation> check(Resource r, RuleContext context) {
    Service svc = r.as(Service.class).orElse(null);
    List<String> behind = svc == null || svc.getSpec() == null || r.namespace() == null ? List.of()
        : ManagementTools.behind(svc, r.namespace(),
            ByNamespace.of(context.inventory()).workloads().getOrDefault(r.namespace(), List.of()));
    if (behind.isEmpty()) {
      context.ignore();
      return List.of();
    }
    ServiceSpec spec = svc.getSpec();
    String type = spec.getType() == null ? "ClusterIP" : spec.getType();
    String what = String.join(", ", behind);
    List<Violation> violations = new ArrayList<>();
    String exposure;
    List<String> ranges = spec.getLoadBalancerSourceRanges() == null ? List.of() : spec.getLoadBalancerSourceRanges();
    if ("NodePort".equals(type)) {
      exposure = "every node's address";
      violations.add(Violation.at(FieldPath.root().child("spec").child("type"), type, "Service " + r.name()
          + " exposes " + what + " on a port of every node, which no source allow-list can restrict"));
    } else if ("LoadBalancer".equals(type)) {
      boolean internal = internal(r.annotations());
      exposure = internal ? "internal load balancer" : "load balancer";
      if (!internal && (ranges.isEmpty() || ranges.stream().anyMatch(ExposedManagementServiceRule::everywhere))) {
        violations.add(Violation.at(FieldPath.root().child("spec").child("loadBalancerSourceRanges"),
            ranges.isEmpty() ? null : String.join(", ", ranges), "Service " + r.name() + " exposes " + what
                + " on a load balancer open to " + (ranges.isEmpty() ? "any address" : "0.0.0.0/0")));
      }
    } else {
      exposure = "cluster only";
    }
    if (spec.getExternalIPs() != null && !spec.getExternalIPs().isEmpty()) {
      exposure = exposure + ", externalIPs";
      violations.add(Violation.at(FieldPath.root().child("spec").child("externalIPs"),
          String.join(", ", spec.getExternalIPs()), "Service " + r.name() + " exposes " + what
              + " on external IPs " + String.join(", ", spec.getExternalIPs())));
    }
    context.row(SERVICES, List.of(r.ref().displayName(), type, what, exposure,
        ranges.isEmpty() ? "-" : String.join(", ", ranges)));
    return violations;
  }

  private static boolean internal(Map<String, String> annotations) {
    for (String key : INTERNAL_LB_ANNOTATIONS) {
      String v = annotations.get(key);
      if (v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("internal"))) {
        return true;
      }
    }
    return false;
  }

  private static final AddressSet HALF_OF_IPV4 = AddressSet.of("0.0.0.0/1");

  private static boolean everywhere(String cidr) {
    return AddressSet.ofValid(List.of(cidr)).containsAll(HALF_OF_IPV4);
  }
}
