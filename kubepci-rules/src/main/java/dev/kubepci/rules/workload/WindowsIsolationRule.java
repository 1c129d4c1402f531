package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Node;
import java.util.List;
import java.util.Map;

/**
 * Flags Windows nodes (label {@code kubernetes.io/os=windows} or {@code status.nodeInfo.operatingSystem}) and the
 * workloads that target Windows ({@code spec.os.name: windows} or a {@code kubernetes.io/os: windows} node selector):
 * Kubernetes runs Windows containers process-isolated only, which Microsoft does not treat as a security boundary.
 * Workloads are checked once, on the top-level owner in the input (with or without a namespace), PodTemplates not; a
 * clean result without any Node in the input is NOT_ASSESSED.
 */
@RuleInfo(id = "KPCI-0124", name = "windows-process-isolation", severity = Severity.MEDIUM, reads = {"Node"},
    readsWorkloads = true)
public final class WindowsIsolationRule implements ResourceRule {
  static final String TABLE = "windows-inventory";
  private static final TableHeader HEADER = new TableHeader(TABLE, "Windows nodes and workloads",
      List.of("kind", "name", "identified by")).leading("Node");
  private static final String OS_LABEL = "kubernetes.io/os";

  @Override
  public boolean appliesTo(Resource resource) {
    return resource.kind().equals("Node")
        || Workloads.isWorkloadKind(resource.kind()) && !"PodTemplate".equals(resource.kind());
  }

  @Override
  public String nothingToCheck() {
    return "no node and no workload is in the input";
  }

  @Override
  public List<TableHeader> tables() {
    return List.of(HEADER);
  }

  @Override
  public List<Violation> check(Resource r, RuleContext context) {
    if (!r.kind().equals("Node")) {
      if (context.inventory().hasOwnerPresent(r)) {
        context.ignore();
        return List.of();
      }
      return Workloads.of(r).map(w -> check(w, context)).orElseGet(() -> {
        context.ignore();
        return List.of();
      });
    }
    String os = r.labels().get(OS_LABEL);
    FieldPath path = FieldPath.root().child("metadata").child("labels").child(OS_LABEL);
    if (os == null) {
      os = r.as(Node.class).map(n -> n.getStatus() == null || n.getStatus().getNodeInfo() == null ? null
          : n.getStatus().getNodeInfo().getOperatingSystem()).orElse(null);
      path = FieldPath.root().child("status").child("nodeInfo").child("operatingSystem");
    }
    if (os == null) {
      context.ignore();
      return List.of();
    }
    if (!"windows".equalsIgnoreCase(os)) {
      return List.of();
    }
    context.row(HEADER, List.of("Node", r.name(), "-"));
    return List.of(Violation.at(path, os, "node " + r.name() + " runs Windows, whose containers are only "
        + "process-isolated"));
  }

  private static List<Violation> check(Workload w, RuleContext context) {
    Map<String, String> selector = w.podSpec().getNodeSelector() == null ? Map.of() : w.podSpec().getNodeSelector();
    if (w.isWindows()) {
      context.row(HEADER, List.of(w.resource().kind(), w.ref().displayName(), "spec.os.name"));
      return List.of(Violation.at(w.podSpecPath().child("os").child("name"), "windows",
          "workload runs Windows containers, which are only process-isolated"));
    } else if ("windows".equalsIgnoreCase(selector.get(OS_LABEL))) {
      context.row(HEADER, List.of(w.resource().kind(), w.ref().displayName(), "nodeSelector"));
      return List.of(Violation.at(w.podSpecPath().child("nodeSelector").child(OS_LABEL), "windows",
          "workload is scheduled onto Windows nodes, whose containers are only process-isolated"));
    }
    return List.of();
  }

  @Override
  public void finish(RuleContext context) {
    if (context.inventory().ofKind("Node").isEmpty()) {
      context.notAssessedIfClean("no Node objects are in the input, so Windows nodes cannot be ruled out "
          + "(collect nodes with kubectl get nodes -o yaml)");
    }
  }
}
