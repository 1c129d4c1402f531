package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.SamePathViolations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks etcd's transport: server and peer certificates, client-certificate authentication for clients and peers,
 * no self-signed automatic TLS, and https on every client and peer listener that is not loopback-only.
 */
@RuleInfo(
    id = "KPCI-0313",
    name = "etcd-transport-security",
    title = "etcd accepts only authenticated TLS connections from clients and peers",
    severity = Severity.HIGH,
    rationale = "The etcd store holds every object of the cluster, Secrets included, and grants full access to any client "
        + "its CA trusts. Plain http listeners or missing client-certificate checks let anyone who reaches the port "
        + "read or rewrite the cluster state.",
    remediation = "Give etcd --cert-file/--key-file and --peer-cert-file/--peer-key-file, set --client-cert-auth=true "
        + "and --peer-client-cert-auth=true with trusted CA files, keep --auto-tls and --peer-auto-tls off, and list "
        + "only https URLs in --listen-client-urls and --listen-peer-urls.",
    references = {"https://etcd.io/docs/v3.5/op-guide/security/",
        "https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/#securing-etcd-clusters"},
    reads = {"Pod", "Node"})
public final class EtcdTransportRule implements ClusterRule {
  private static final Map<ManagedProvider, String> SETTINGS = Map.of(
      ManagedProvider.EKS, "the provider's statement on etcd encryption in transit",
      ManagedProvider.AKS, "the provider's statement on etcd encryption in transit",
      ManagedProvider.GKE, "the provider's statement on etcd encryption in transit");

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Optional<Outcome> unavailable = ControlPlaneAccess.unavailable(inventory, ControlPlane.Component.ETCD, SETTINGS);
    if (unavailable.isPresent()) {
      return unavailable.get();
    }
    Outcome.Builder out = Outcome.builder();
    for (ControlPlane.Instance etcd : ControlPlane.of(inventory).instances(ControlPlane.Component.ETCD)) {
      List<Violation> v = new ArrayList<>();
      for (String flag : List.of("cert-file", "key-file", "peer-cert-file", "peer-key-file")) {
        if (etcd.flag(flag).isEmpty()) {
          v.add(Violation.at(etcd.pathOf(flag), null, "etcd has no --" + flag));
        }
      }
      for (String flag : List.of("client-cert-auth", "peer-client-cert-auth")) {
        String value = etcd.flag(flag).orElse("false");
        if (!"true".equals(value)) {
          v.add(Violation.at(etcd.pathOf(flag), etcd.flag(flag).orElse(null), "etcd does not require client "
              + "certificates from " + (flag.startsWith("peer") ? "peers" : "clients") + " (--" + flag + "=" + value
              + ")"));
        }
      }
      for (String flag : List.of("auto-tls", "peer-auto-tls")) {
        if ("true".equals(etcd.flag(flag).orElse("false"))) {
          v.add(Violation.at(etcd.pathOf(flag), "--" + flag + "=true", "etcd uses self-signed certificates (--"
              + flag + ")"));
        }
      }
      for (String flag : List.of("listen-client-urls", "listen-peer-urls")) {
        etcd.flag(flag).ifPresent(urls -> {
          for (String url : urls.split(",")) {
            String u = url.trim();
            if (u.startsWith("http://") && !u.matches("http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?/?")) {
              v.add(Violation.at(etcd.pathOf(flag), u, "etcd listens without TLS on " + u));
            }
          }
        });
      }
      if (v.isEmpty()) {
        out.pass();
      } else {
        out.fail(etcd.pod(), SamePathViolations.merge(v));
      }
    }
    return out.build("no etcd in the input");
  }
}
