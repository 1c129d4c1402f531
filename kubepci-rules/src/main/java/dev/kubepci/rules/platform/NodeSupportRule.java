package dev.kubepci.rules.platform;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.TableRows;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists each node's operating system, kernel, container runtime, age and last kubelet start, and fails nodes whose
 * operating system release or containerd release is past its end of life in the support table.
 */
@RuleInfo(
    id = "KPCI-0352",
    name = "node-os-support",
    title = "Node operating systems and container runtimes are supported releases",
    severity = Severity.HIGH,
    rationale = "Containers share the node's kernel, and the container runtime starts every one of them. An operating "
        + "system or runtime release past its end of life receives no fixes for container escapes, so a patched "
        + "cluster on unpatched nodes is still exposed.",
    remediation = "Move nodes to a supported operating system release and container runtime (for managed node pools, "
        + "a current node image), reboot onto patched kernels, and replace nodes regularly rather than patching them "
        + "in place.",
    references = {"https://containerd.io/releases/", "https://ubuntu.com/about/release-cycle"},
    reads = {"Node"})
public final class NodeSupportRule implements ClusterRule {
  private static final FieldPath OS = FieldPath.parse("status.nodeInfo.osImage");
  private static final FieldPath RUNTIME = FieldPath.parse("status.nodeInfo.containerRuntimeVersion");

  private final SupportWindows windows;

  public NodeSupportRule(SupportWindows windows) {
    this.windows = windows;
  }

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    List<Resource> nodes = inventory.ofKind("Node");
    if (nodes.isEmpty()) {
      return Outcome.notAssessed("no Node objects are in the input; add kubectl get nodes -o yaml");
    }
    LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    int known = 0;
    for (Resource r : nodes) {
      Node n = r.as(Node.class).orElse(null);
      NodeSystemInfo info = n == null || n.getStatus() == null ? null : n.getStatus().getNodeInfo();
      if (info == null) {
        rows.add(List.of(r.name(), "unknown", "-", "unknown", "unknown", "-", age(r, context.now()), "-"));
        continue;
      }
      known++;
      List<Violation> v = new ArrayList<>();
      String os = info.getOsImage() == null ? "" : info.getOsImage();
      String osSupport = windows.operatingSystem(os).map(o -> {
        if (today.isAfter(LocalDate.parse(o.endOfLife()))) {
          v.add(Violation.at(OS, os, r.name() + " runs " + os + ", past its end of support on " + o.endOfLife()));
          return "ended " + o.endOfLife();
        }
        return "until " + o.endOfLife();
      }).orElse("not in the table");
      String runtime = info.getContainerRuntimeVersion() == null ? "" : info.getContainerRuntimeVersion();
      String runtimeSupport = "not in the table";
      if (runtime.startsWith("containerd://")) {
        Optional<Version> rv = Version.find(runtime.substring("containerd://".length()));
        Optional<SupportWindows.Runtime> entry = rv.flatMap(x -> windows.runtime("containerd", x.minorText()));
        if (entry.isPresent()) {
          LocalDate end = LocalDate.parse(entry.get().endOfLife());
          runtimeSupport = (today.isAfter(end) ? "ended " : "until ") + end;
          if (today.isAfter(end)) {
            v.add(Violation.at(RUNTIME, runtime, r.name() + " runs containerd " + rv.get().minorText()
                + ", past its end of life on " + end));
          }
        }
      }
      rows.add(List.of(r.name(), os, osSupport, info.getKernelVersion() == null ? "-" : info.getKernelVersion(), runtime,
          runtimeSupport, age(r, context.now()), readySince(n)));
      if (v.isEmpty()) {
        out.pass();
      } else {
        out.fail(r, v);
      }
    }
    out.table(new Table("nodes", "Node operating systems and runtimes (table as of " + windows.asOf() + ")",
        List.of("node", "os image", "os support", "kernel", "runtime", "runtime support", "age (days)",
            "ready since"), TableRows.byFirstColumn(rows)));
    if (known == 0) {
      return Outcome.notAssessed("the Node objects carry no status.nodeInfo; collect them from the cluster")
          .withTable(new Table("nodes", "Node operating systems and runtimes", List.of("node", "os image",
              "os support", "kernel", "runtime", "runtime support", "age (days)", "ready since"),
              TableRows.byFirstColumn(rows)));
    }
    return out.build("no Node in the input");
  }

  private static String age(Resource r, Instant now) {
    String created = r.metadata().getCreationTimestamp();
    if (created == null) {
      return "-";
    }
    try {
      return Long.toString(Duration.between(Instant.parse(created), now).toDays());
    } catch (RuntimeException e) {
      return "-";
    }
  }

  /** When the node last became Ready: a restart of the kubelet, usually a reboot. */
  private static String readySince(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) {
      return "-";
    }
    for (NodeCondition c : n.getStatus().getConditions()) {
      if ("Ready".equals(c.getType()) && c.getLastTransitionTime() != null) {
        return c.getLastTransitionTime();
      }
    }
    return "-";
  }
}
