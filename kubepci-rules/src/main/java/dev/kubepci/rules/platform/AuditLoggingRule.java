package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Scheduling;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that the API server writes an audit log and that it leaves the node: an audit policy, a backend (log file
 * or webhook), and either the webhook backend or a log collector DaemonSet that mounts the audit log directory and
 * runs on the control-plane node. Reports the retention flags as evidence.
 */
@RuleInfo(id = "KPCI-0330", name = "audit-logging", severity = Severity.HIGH, reads = {"Pod", "DaemonSet", "Node",
    "RuntimeClass"})
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.PROVIDER_SETTINGS)
public final class AuditLoggingRule implements ComponentRule<ControlPlane.Instance> {
  private static final TableHeader BACKENDS = new TableHeader("audit-backends", "API server audit logging",
      List.of("kube-apiserver", "policy file", "log path", "local retention", "webhook", "shipped by")).sorted();

  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    Inventory inventory = context.inventory();
    List<Violation> v = new ArrayList<>();
    Optional<String> policy = api.flag("audit-policy-file");
    Optional<String> path = api.flag("audit-log-path");
    Optional<String> webhook = api.flag("audit-webhook-config-file");
    if (policy.isEmpty()) {
      v.add(Violation.at(api.pathOf("audit-policy-file"), null,
          "kube-apiserver has no --audit-policy-file: no audit events are recorded"));
    } else if (path.isEmpty() && webhook.isEmpty()) {
      v.add(Violation.at(api.pathOf("audit-log-path"), null,
          "kube-apiserver has an audit policy but no backend (--audit-log-path or --audit-webhook-config-file)"));
    }
    String shipped = "-";
    if (webhook.isPresent()) {
      shipped = "webhook backend";
    } else if (path.isPresent()) {
      List<NodeAgents.Agent> collectors = NodeAgents.find(inventory, NodeAgents.Purpose.LOGS);
      List<Node> nodes = inventory.ofKind("Node").stream().map(r -> r.as(Node.class)).flatMap(Optional::stream)
          .toList();
      String dir = path.get().equals("-") ? "/var/log/pods" : path.get();
      String node = api.pod().as(Pod.class).map(p -> p.getSpec() == null ? null : p.getSpec().getNodeName())
          .orElse(null);
      for (NodeAgents.Agent a : collectors) {
        boolean onControlPlane = nodes.isEmpty() ? tolerateControlPlane(a)
            : nodes.stream().filter(n -> node == null ? isControlPlane(n) : n.getMetadata().getName().equals(node))
                .anyMatch(n -> a.reached().contains(n.getMetadata().getName()));
        if (onControlPlane && NodeAgents.mountsHostPath(a.workload(), dir)) {
          shipped = a.product() + " (" + a.daemonSet().ref().displayName() + ")";
          break;
        }
      }
      if (shipped.equals("-") && policy.isPresent()) {
        v.add(Violation.at(api.pathOf("audit-log-path"), path.get(), "the audit log " + path.get() + " stays on the "
            + "control-plane node: no webhook backend and no log collector reading it there"));
      }
    }
    context.row(BACKENDS, List.of(api.pod().ref().displayName(), policy.orElse("-"), path.orElse("-"),
        "maxage " + api.flag("audit-log-maxage").orElse("-") + ", maxbackup " + api.flag("audit-log-maxbackup")
            .orElse("-") + ", maxsize " + api.flag("audit-log-maxsize").orElse("-"),
        webhook.orElse("-"), shipped));
    return v;
  }

  private static boolean isControlPlane(Node n) {
    Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
    return labels.containsKey("node-role.kubernetes.io/control-plane") || labels.containsKey("node-role.kubernetes.io/master");
  }

  private static boolean tolerateControlPlane(NodeAgents.Agent a) {
    return Scheduling.tolerates(a.workload().podSpec().getTolerations(), new io.fabric8.kubernetes.api.model.TaintBuilder()
        .withKey("node-role.kubernetes.io/control-plane").withEffect("NoSchedule").build());
  }
}
