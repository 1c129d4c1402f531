package dev.kubepci.rules.workload;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Flags workloads the configuration marks high-risk ({@code highRisk}) that do not run in a sandboxed runtime: their
 * {@code runtimeClassName} must name a RuntimeClass whose handler is gVisor ({@code runsc}) or Kata Containers
 * ({@code kata*}, including AKS pod sandboxing). Without a highRisk list the rule asks for it.
 */
@RuleInfo(id = "KPCI-0122", name = "sandboxed-runtime-high-risk", severity = Severity.MEDIUM, reads = {"Namespace",
    "RuntimeClass"})
public final class SandboxedRuntimeRule implements WorkloadRule {
  @Override
  public Optional<Outcome> precheck(RuleContext context) {
    if (context.config().highRisk() == null || context.config().highRisk().isEmpty()) {
      return Optional.of(Outcome.manual("no high-risk workloads are configured: which workloads has the "
          + "organisation classed as high-risk? List their namespaces or label selectors under highRisk in "
          + "kubepci.yaml"));
    }
    return Optional.empty();
  }

  @Override
  public List<Violation> check(Workload workload, RuleContext context) {
    String why = new HighRiskSelection(context.config().highRisk()).reason(workload, context.inventory());
    if (why == null) {
      return List.of();
    }
    FieldPath path = workload.podSpecPath().child("runtimeClassName");
    String runtimeClass = workload.podSpec().getRuntimeClassName();
    if (runtimeClass == null || runtimeClass.isEmpty()) {
      return List.of(Violation.at(path, null, "high-risk workload (" + why + ") runs in the default runtime, "
          + "sharing the node's kernel"));
    }
    Optional<RuntimeClass> rc = context.inventory().get("RuntimeClass", null, runtimeClass)
        .flatMap(r -> r.as(RuntimeClass.class));
    if (rc.isEmpty()) {
      Optional<Resource> generic = context.inventory().get("RuntimeClass", null, runtimeClass);
      String handler = generic.flatMap(r -> r.string("handler")).orElse(null);
      if (handler == null) {
        return List.of(Violation.at(path, runtimeClass, "high-risk workload (" + why + ") names RuntimeClass "
            + runtimeClass + ", which is not in the input, so its sandbox cannot be confirmed"));
      }
      return sandboxed(handler) ? List.of() : List.of(notSandboxed(path, runtimeClass, handler, why));
    }
    String handler = rc.get().getHandler();
    return sandboxed(handler) ? List.of() : List.of(notSandboxed(path, runtimeClass, handler, why));
  }

  private static Violation notSandboxed(FieldPath path, String runtimeClass, String handler, String why) {
    return Violation.at(path, runtimeClass, "high-risk workload (" + why + ") uses RuntimeClass " + runtimeClass
        + " with handler " + handler + ", which is not a sandboxed runtime");
  }

  /** gVisor and Kata Containers handlers, as containerd and CRI-O name them. */
  static boolean sandboxed(String handler) {
    String h = handler == null ? "" : handler.toLowerCase(Locale.ROOT);
    return h.startsWith("runsc") || h.startsWith("gvisor") || h.startsWith("kata");
  }
}
