package dev.kubepci.rules.platform;

import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Workload;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises administrative user interfaces and control-plane components behind a Service: by the images of the pods
 * it selects, the names of those pods' components, and the ports it targets.
 */
final class ManagementTools {
  /** Image name (last path segment, without tag) to the tool it runs. */
  private static final Map<String, String> IMAGES = Map.ofEntries(
      Map.entry("dashboard", "Kubernetes Dashboard"),
      Map.entry("kubernetes-dashboard-web", "Kubernetes Dashboard"),
      Map.entry("kubernetes-dashboard-api", "Kubernetes Dashboard"),
      Map.entry("argocd", "Argo CD"),
      Map.entry("grafana", "Grafana"),
      Map.entry("prometheus", "Prometheus"),
      Map.entry("alertmanager", "Alertmanager"),
      Map.entry("kibana", "Kibana"),
      Map.entry("opensearch-dashboards", "OpenSearch Dashboards"),
      Map.entry("rancher", "Rancher"),
      Map.entry("headlamp", "Headlamp"),
      Map.entry("portainer", "Portainer"),
      Map.entry("portainer-ce", "Portainer"),
      Map.entry("kiali", "Kiali"),
      Map.entry("jaeger-query", "Jaeger"),
      Map.entry("weave-scope", "Weave Scope"),
      Map.entry("longhorn-ui", "Longhorn"),
      Map.entry("kube-apiserver", "the Kubernetes API server"),
      Map.entry("etcd", "etcd"));

  /** Ports of control-plane and node components. */
  static final Map<Integer, String> COMPONENT_PORTS = Map.of(
      6443, "the Kubernetes API server", 2379, "etcd", 2380, "etcd peers", 10250, "the kubelet API",
      10255, "the kubelet read-only port", 10257, "kube-controller-manager", 10259, "kube-scheduler");

  private ManagementTools() {}

  /** The tool a workload runs, from its container images. */
  static Optional<String> of(Workload w) {
    for (Workload.ContainerRef c : w.containers()) {
      String image = c.container().getImage();
      if (image == null) {
        continue;
      }
      String repository = ImageReference.parse(image).repository().toLowerCase(Locale.ROOT);
      String name = repository.substring(repository.lastIndexOf('/') + 1);
      String tool = IMAGES.get(name);
      if (tool != null) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }

  /** The tools and components a Service leads to: its selected workloads' tools, and component ports it targets. */
  static List<String> behind(Service svc, String namespace, List<Workload> workloads) {
    List<String> out = new ArrayList<>();
    Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
    if (selector != null && !selector.isEmpty()) {
      for (Workload w : workloads) {
        if (java.util.Objects.equals(namespace, w.namespace()) && w.podLabels().entrySet().containsAll(selector.entrySet())) {
          of(w).filter(t -> !out.contains(t)).ifPresent(out::add);
        }
      }
    }
    if (svc.getSpec() != null && svc.getSpec().getPorts() != null) {
      for (var p : svc.getSpec().getPorts()) {
        Integer target = p.getTargetPort() != null && p.getTargetPort().getIntVal() != null
            ? p.getTargetPort().getIntVal() : p.getPort();
        String component = target == null ? null : COMPONENT_PORTS.get(target);
        if (component != null && !out.contains(component)) {
          out.add(component);
        }
      }
    }
    if ("default".equals(namespace) && svc.getMetadata() != null && "kubernetes".equals(svc.getMetadata().getName())
        && !out.contains("the Kubernetes API server")) {
      out.add("the Kubernetes API server");
    }
    return out;
  }
}
