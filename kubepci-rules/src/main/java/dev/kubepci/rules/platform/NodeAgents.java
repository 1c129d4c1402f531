package dev.kubepci.rules.platform;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Scheduling;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.TableRows;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DaemonSets that must reach every node (log collectors, runtime security sensors), recognised from their images,
 * and whether they do: the nodes whose taints they do not tolerate or whose labels their selectors exclude, and the
 * desired and ready pod counts a cluster dump reports.
 */
final class NodeAgents {
  /** What an agent is for. */
  enum Purpose { LOGS, RUNTIME_SECURITY }

  /** Image fragments (lower case, matched against the image repository) to the product they run. */
  private static final Map<String, String> LOG_COLLECTORS = Map.ofEntries(
      Map.entry("fluent-bit", "Fluent Bit"), Map.entry("fluentd", "Fluentd"), Map.entry("timberio/vector", "Vector"),
      Map.entry("vector:", "Vector"), Map.entry("promtail", "Promtail"), Map.entry("grafana/alloy", "Grafana Alloy"),
      Map.entry("grafana/agent", "Grafana Agent"), Map.entry("filebeat", "Filebeat"),
      Map.entry("elastic-agent", "Elastic Agent"), Map.entry("opentelemetry-collector", "OpenTelemetry Collector"),
      Map.entry("otelcol", "OpenTelemetry Collector"), Map.entry("datadog/agent", "Datadog Agent"),
      Map.entry("splunk-otel-collector", "Splunk OpenTelemetry Collector"),
      Map.entry("newrelic-fluentbit-output", "New Relic logging"), Map.entry("ama-logs", "Azure Monitor Agent"),
      Map.entry("aws-for-fluent-bit", "AWS for Fluent Bit"), Map.entry("cloudwatch-agent", "CloudWatch Agent"),
      Map.entry("sumologic", "Sumo Logic"), Map.entry("logdna-agent", "Mezmo agent"),
      Map.entry("fluent-operator", "Fluent Operator"));
  private static final Map<String, String> RUNTIME_SENSORS = Map.ofEntries(
      Map.entry("falcosecurity/falco", "Falco"), Map.entry("falco:", "Falco"), Map.entry("cilium/tetragon", "Tetragon"),
      Map.entry("aquasec/tracee", "Tracee"), Map.entry("kubearmor/kubearmor", "KubeArmor"),
      Map.entry("sysdig/agent", "Sysdig agent"), Map.entry("aquasec/enforcer", "Aqua Enforcer"),
      Map.entry("twistlock/defender", "Prisma Cloud Defender"), Map.entry("falcon-sensor", "CrowdStrike Falcon"),
      Map.entry("neuvector/enforcer", "NeuVector Enforcer"), Map.entry("microsoft-defender", "Microsoft Defender"));

  /** An agent found, and the nodes it reaches and misses. */
  record Agent(Resource daemonSet, Workload workload, String product, List<String> reached, List<String> missed,
      String counts) {}

  private NodeAgents() {}

  /** Every DaemonSet of {@code purpose} in the input, with its node coverage (empty lists without Node objects). */
  static List<Agent> find(Inventory inventory, Purpose purpose) {
    List<Node> nodes = inventory.ofKind("Node").stream().map(r -> r.as(Node.class)).flatMap(Optional::stream).toList();
    List<Agent> out = new ArrayList<>();
    for (Resource r : inventory.ofKind("DaemonSet")) {
      Workload w = Workloads.of(r).orElse(null);
      if (w == null) {
        continue;
      }
      Optional<String> product = product(w, purpose == Purpose.LOGS ? LOG_COLLECTORS : RUNTIME_SENSORS);
      if (product.isEmpty()) {
        continue;
      }
      List<String> reached = new ArrayList<>();
      List<String> missed = new ArrayList<>();
      PodSpec spec = Scheduling.effective(w.podSpec(), inventory);
      for (Node n : nodes) {
        String why = why(spec, n);
        if (why == null) {
          reached.add(n.getMetadata().getName());
        } else {
          missed.add(n.getMetadata().getName() + " (" + why + ")");
        }
      }
      out.add(new Agent(r, w, product.get(), reached, missed, counts(r)));
    }
    out.sort(java.util.Comparator.comparing((Agent a) -> a.daemonSet().ref(), dev.kubepci.model.ResourceRef.ORDER));
    return out;
  }

  private static Optional<String> product(Workload w, Map<String, String> catalogue) {
    for (Workload.ContainerRef c : w.containers()) {
      String image = c.container().getImage() == null ? "" : c.container().getImage().toLowerCase(Locale.ROOT);
      String found = null;
      for (Map.Entry<String, String> e : catalogue.entrySet()) {
        if (image.contains(e.getKey()) && (found == null || e.getKey().length() > found.length())) {
          found = e.getKey();
        }
      }
      if (found != null) {
        return Optional.of(catalogue.get(found));
      }
    }
    return Optional.empty();
  }

  /** Why the agent's pods cannot run on {@code node}, or null when they can. */
  private static String why(PodSpec spec, Node node) {
    if (!Scheduling.selects(spec, node)) {
      return "excluded by its node selector or affinity";
    }
    for (Taint t : Scheduling.repellingTaints(node)) {
      // the DaemonSet controller adds tolerations for the node condition taints itself
      if (t.getKey() != null && t.getKey().startsWith("node.kubernetes.io/")) {
        continue;
      }
      if (!Scheduling.tolerates(spec.getTolerations(), t)) {
        return "taint " + Scheduling.describe(t) + " not tolerated";
      }
    }
    return null;
  }

  private static String counts(Resource r) {
    DaemonSetStatus s = r.as(DaemonSet.class).map(DaemonSet::getStatus).orElse(null);
    if (s == null || s.getDesiredNumberScheduled() == null) {
      return "-";
    }
    return (s.getNumberReady() == null ? 0 : s.getNumberReady()) + "/" + s.getDesiredNumberScheduled() + " ready";
  }

  /** True when the agent mounts a host directory that contains {@code path} (e.g. the audit log). */
  static boolean mountsHostPath(Workload w, String path) {
    List<Volume> volumes = w.podSpec().getVolumes() == null ? List.of() : w.podSpec().getVolumes();
    for (Volume v : volumes) {
      if (v.getHostPath() != null && v.getHostPath().getPath() != null) {
        String dir = v.getHostPath().getPath().replaceAll("/+$", "");
        if (path.equals(dir) || path.startsWith(dir + "/") || dir.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The outcome of a coverage rule: FAIL when no agent exists or one misses nodes or has pods not ready,
   * NOT_ASSESSED when agents exist but there are no Node objects to check them against.
   */
  static Outcome coverage(Inventory inventory, Purpose purpose, String what, String tableId, String examples) {
    List<Agent> agents = find(inventory, purpose);
    boolean nodes = !inventory.ofKind("Node").isEmpty();
    List<List<String>> rows = new ArrayList<>();
    for (Agent a : agents) {
      rows.add(List.of(a.daemonSet().ref().displayName(), a.product(),
          nodes ? Integer.toString(a.reached().size()) : "no Node objects",
          a.missed().isEmpty() ? "-" : String.join("; ", a.missed()), a.counts()));
    }
    Table table = new Table(tableId, "Coverage of " + what + " DaemonSets", List.of("daemonset", "product",
        "nodes reached", "nodes missed", "pods"), TableRows.byFirstColumn(rows));
    Outcome.Builder out = Outcome.builder().table(table);
    if (agents.isEmpty() && !ClusterView.isWhole(inventory)) {
      return Outcome.notAssessed(ClusterView.PARTIAL + "a " + what + " proves nothing; scan a cluster dump or a live "
          + "collection").withTable(table);
    }
    if (agents.isEmpty()) {
      out.fail(null, Violation.at(dev.kubepci.model.FieldPath.root().child("kind"), "DaemonSet",
          "no " + what + " DaemonSet (" + examples + ") runs in the cluster"));
      return out.build("");
    }
    boolean failed = false;
    for (Agent a : agents) {
      List<Violation> v = new ArrayList<>();
      if (!a.missed().isEmpty()) {
        v.add(Violation.at(a.workload().podSpecPath().child("tolerations"), String.join("; ", a.missed()),
            a.product() + " does not run on " + a.missed().size() + " node(s): " + String.join("; ", a.missed())));
      }
      DaemonSetStatus s = a.daemonSet().as(DaemonSet.class).map(DaemonSet::getStatus).orElse(null);
      if (s != null && s.getDesiredNumberScheduled() != null && s.getNumberReady() != null
          && s.getNumberReady() < s.getDesiredNumberScheduled()) {
        v.add(Violation.at(dev.kubepci.model.FieldPath.root().child("status").child("numberReady"), s.getNumberReady(),
            a.product() + " has " + s.getNumberReady() + " of " + s.getDesiredNumberScheduled() + " pods ready")
            .withSeverity(Severity.MEDIUM));
      }
      if (v.isEmpty()) {
        out.pass();
      } else {
        failed = true;
        out.fail(a.daemonSet(), v);
      }
    }
    if (!nodes && !failed) {
      return Outcome.notAssessed("found " + String.join(", ", agents.stream().map(a -> a.product() + " ("
          + a.daemonSet().ref().displayName() + ")").toList()) + ", but no Node objects are in the input, so its "
          + "coverage of every node cannot be checked; add kubectl get nodes -o yaml").withTable(table);
    }
    return out.build("");
  }
}
