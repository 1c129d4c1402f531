package dev.kubepci.rules.platform;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags Ingress hosts that route to an administrative UI (recognised from the pods behind the backend Service)
 * without a TLS section covering the host, so that logins and session cookies would cross the network in clear.
 */
@RuleInfo(id = "KPCI-0315", name = "management-ingress-tls", severity = Severity.HIGH, reads = {"Ingress", "Service",
    "Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"})
@EachObject(value = "networking.k8s.io/Ingress", ifNone = "no Ingress routes to an administrative interface in the "
    + "input")
public final class ManagementIngressTlsRule implements ResourceRule {
  @Override
  public List<Violation> check(Resource r, RuleContext context) {
    Inventory inventory = context.inventory();
    List<Workload> workloads = inventory.workloads();
    Ingress ing = r.as(Ingress.class).orElse(null);
    if (ing == null || ing.getSpec() == null || ing.getSpec().getRules() == null) {
      context.ignore();
      return List.of();
    }
    List<String> tlsHosts = new ArrayList<>();
    boolean tlsWithoutHosts = false;
    for (IngressTLS tls : ing.getSpec().getTls() == null ? List.<IngressTLS>of() : ing.getSpec().getTls()) {
      if (tls.getHosts() == null || tls.getHosts().isEmpty()) {
        tlsWithoutHosts = true;
      } else {
        tlsHosts.addAll(tls.getHosts());
      }
    }
    List<Violation> v = new ArrayList<>();
    boolean management = false;
    for (int i = 0; i < ing.getSpec().getRules().size(); i++) {
      IngressRule rule = ing.getSpec().getRules().get(i);
      List<String> tools = new ArrayList<>();
      if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
        for (HTTPIngressPath p : rule.getHttp().getPaths()) {
          if (p.getBackend() != null && p.getBackend().getService() != null) {
            String name = p.getBackend().getService().getName();
            inventory.get("Service", r.namespace(), name).flatMap(s -> s.as(Service.class)).ifPresent(svc ->
                ManagementTools.behind(svc, r.namespace(), workloads).stream()
                    .filter(t -> !tools.contains(t)).forEach(tools::add));
          }
        }
      }
      if (tools.isEmpty()) {
        continue;
      }
      management = true;
      String host = rule.getHost() == null ? "" : rule.getHost();
      boolean covered = tlsWithoutHosts || tlsHosts.contains(host) || tlsHosts.stream()
          .anyMatch(h -> h.startsWith("*.") && host.endsWith(h.substring(1)) && host.indexOf('.') == host.length()
              - h.length() + 1);
      if (!covered) {
        v.add(Violation.at(FieldPath.root().child("spec").child("rules").index(i).child("host"),
            host.isEmpty() ? "<any host>" : host, "Ingress " + r.name() + " publishes " + String.join(", ", tools)
                + " at " + (host.isEmpty() ? "any host" : host) + " without TLS"));
      }
    }
    if (!management) {
      context.ignore();
    }
    return v;
  }
}
