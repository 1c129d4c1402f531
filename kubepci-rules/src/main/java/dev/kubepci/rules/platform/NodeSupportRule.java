package dev.kubepci.rules.platform;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
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
@RuleInfo(id = "KPCI-0352", name = "node-os-support", severity = Severity.HIGH, reads = {"Node"})
@EachObject(value = "*/Node", ifNone = "no Node in the input", ifAbsent = "no Node objects are in the input; add kubectl get nodes -o yaml")
public final class NodeSupportRule implements ResourceRule {
  private static final FieldPath OS = FieldPath.parse("status.nodeInfo.osImage");
  private static final FieldPath RUNTIME = FieldPath.parse("status.nodeInfo.containerRuntimeVersion");
  private static final List<String> COLUMNS = List.of("node", "os image", "os support", "kernel", "runtime",
      "runtime support", "age (days)", "ready since");
  /** The table when no node carries its system info, so the support table was not consulted. */
  private static final TableHeader UNKNOWN = new TableHeader("nodes", "Node operating systems and runtimes", COLUMNS)
      .sorted();

  private final SupportWindows windows;
  private final TableHeader nodes;

  public NodeSupportRule(SupportWindows windows) {
    this.windows = windows;
    this.nodes = new TableHeader("nodes", "Node operating systems and runtimes (table as of " + windows.asOf() + ")",
        COLUMNS).sorted();
  }

  @Override
  public String undecidedReason(List<String> nodes) {
    return "the Node objects carry no status.nodeInfo; collect them from the cluster";
  }

  @Override
  public List<Violation> check(Resource r, RuleContext context) {
    Node n = r.as(Node.class).orElse(null);
    NodeSystemInfo info = info(n);
    if (info == null) {
      // a node without its system info is listed, not judged; when no node has it the rule cannot decide at all
      boolean anyKnown = context.inventory().derived(NodeSupportRule.class, NodeSupportRule::anyNodeInfo);
      context.row(anyKnown ? nodes : UNKNOWN, List.of(r.name(), "unknown", "-", "unknown", "unknown", "-",
          age(r, context.now()), "-"));
      if (anyKnown) {
        context.ignore();
      } else {
        context.undecided(r.name());
      }
      return List.of();
    }
    LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
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
    context.row(nodes, List.of(r.name(), os, osSupport, info.getKernelVersion() == null ? "-"
        : info.getKernelVersion(), runtime, runtimeSupport, age(r, context.now()), readySince(n)));
    return v;
  }

  private static NodeSystemInfo info(Node n) {
    return n == null || n.getStatus() == null ? null : n.getStatus().getNodeInfo();
  }

  private static boolean anyNodeInfo(Inventory inventory) {
    return inventory.ofKind("Node").stream().anyMatch(r -> info(r.as(Node.class).orElse(null)) != null);
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
