package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.SamePathViolations;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads KubeletConfiguration files: the read-only port (10255, no TLS and no authentication) must be 0, and TLS must
 * start at 1.2. In a configuration file an absent readOnlyPort means 0; only the command-line flag defaults to
 * 10255. Configuration files are not API objects: a cluster collection cannot list them, so they are read when given
 * as input and the rule's reads name only what a collection can list.
 */
@RuleInfo(
    id = "KPCI-0312",
    name = "kubelet-read-only-port",
    title = "Kubelets serve no unauthenticated read-only port and use TLS 1.2 or later",
    severity = Severity.HIGH,
    rationale = "The kubelet read-only port answers anyone on the network, without TLS, with the pods, their "
        + "specs and environment of the node, which leaks configuration and sometimes credentials. Older TLS "
        + "versions on the kubelet API weaken the channel that carries exec and logs.",
    remediation = "Set readOnlyPort: 0 in every KubeletConfiguration (or --read-only-port=0) and tlsMinVersion: "
        + "VersionTLS12 or later; on GKE disable insecureKubeletReadonlyPortEnabled on every node pool.",
    references = {"https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/"},
    reads = {"Node"})
public final class KubeletReadOnlyPortRule implements ClusterRule {
  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    List<Resource> configs = ControlPlane.of(inventory).kubeletConfigs();
    if (configs.isEmpty()) {
      String managed = ManagedProvider.of(inventory).map(p -> p == ManagedProvider.GKE
          ? " On GKE read config.kubeletConfig.insecureKubeletReadonlyPortEnabled of each node pool with: gcloud "
              + "container node-pools describe <pool> --cluster <cluster>."
          : " On " + p.title() + ", read the node configuration through the API proxy (configz) of each node.")
          .orElse("");
      return Outcome.notAssessed("no KubeletConfiguration is in the input; add /var/lib/kubelet/config.yaml of the "
          + "nodes, or the output of kubectl get --raw /api/v1/nodes/<node>/proxy/configz." + managed);
    }
    Outcome.Builder out = Outcome.builder();
    for (Resource r : configs) {
      List<Violation> v = new ArrayList<>();
      Object port = r.field("readOnlyPort").orElse(null);
      if (port != null && !"0".equals(String.valueOf(port))) {
        v.add(Violation.at(FieldPath.root().child("readOnlyPort"), port,
            "the kubelet serves the unauthenticated read-only port " + port));
      }
      String tls = r.string("tlsMinVersion").orElse("");
      if (tls.equals("VersionTLS10") || tls.equals("VersionTLS11")) {
        v.add(Violation.at(FieldPath.root().child("tlsMinVersion"), tls, "the kubelet accepts " + tls
            + ", below TLS 1.2"));
      }
      if (v.isEmpty()) {
        out.pass();
      } else {
        out.fail(r, SamePathViolations.merge(v));
      }
    }
    return out.build("no KubeletConfiguration in the input");
  }
}
