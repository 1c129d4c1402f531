package dev.kubepci.bench.generate;

import static dev.kubepci.bench.generate.Manifests.arr;
import static dev.kubepci.bench.generate.Manifests.obj;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.bench.generate.ClusterPlan.AppKind;
import dev.kubepci.bench.generate.ClusterPlan.AppPlan;
import dev.kubepci.bench.generate.ClusterPlan.NamespacePlan;
import dev.kubepci.bench.generate.ClusterPlan.Practice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Renders a {@link ClusterPlan} into the objects {@code kubectl get <kinds> -A -o yaml} would print for it: kind
 * by kind (pods before their ReplicaSets, as kubectl lists them), with the fields the API server adds (uids,
 * resource versions, defaults, pod status, owner references). Secrets carry metadata and type only. Objects are
 * handed over one at a time and never held.
 */
public final class SyntheticCluster {
  private static final Instant EPOCH = Instant.parse("2025-01-06T09:00:00Z");
  private static final String RS_HASH_SALT = "rev";

  private final ClusterPlan plan;
  /** Each node's place in the plan, which gives its addresses. */
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  /** Pods given an address so far, per node. */
  private final Map<String, Integer> podsPlaced = new HashMap<>();
  private long resourceVersion = 4_100_000;

  public SyntheticCluster(ClusterPlan plan) {
    this.plan = plan;
    List<String> nodes = plan.nodes();
    for (int i = 0; i < nodes.size(); i++) {
      nodeIndex.put(nodes.get(i), i);
    }
  }

  public ClusterPlan plan() {
    return plan;
  }

  /** The kinds in the order they are emitted. */
  public static List<String> kinds() {
    return List.of("Namespace", "Node", "Pod", "Service", "Endpoints", "EndpointSlice", "DaemonSet", "Deployment",
        "ReplicaSet", "StatefulSet", "ControllerRevision", "PersistentVolumeClaim", "CronJob", "Job", "ConfigMap",
        "Secret", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "NetworkPolicy",
        "ResourceQuota", "LimitRange", "Event", "ValidatingWebhookConfiguration", "ClusterPolicy",
        "ConstraintTemplate", "K8sAllowedRepos");
  }

  /** Emits every object of the cluster, exactly {@link ClusterPlan#objects()} of them. */
  public void emit(Consumer<ObjectNode> out) {
    resourceVersion = 4_100_000;
    podsPlaced.clear();
    for (String kind : kinds()) {
      emitKind(kind, out);
    }
  }

  private void emitKind(String kind, Consumer<ObjectNode> out) {
    switch (kind) {
      case "Node" -> {
        List<String> nodes = plan.nodes();
        for (int i = 0; i < nodes.size(); i++) {
          out.accept(node(i, nodes.get(i)));
        }
      }
      case "ClusterRole" -> clusterRoles(out);
      case "ClusterRoleBinding" -> clusterRoleBindings(out);
      case "ValidatingWebhookConfiguration" -> webhooks(out);
      case "ClusterPolicy" -> kyvernoPolicies(out);
      case "ConstraintTemplate" -> constraintTemplates(out);
      case "K8sAllowedRepos" -> constraints(out);
      default -> {
        for (NamespacePlan ns : plan.namespaces()) {
          namespaced(kind, ns, out);
        }
      }
    }
  }

  private void namespaced(String kind, NamespacePlan ns, Consumer<ObjectNode> out) {
    switch (kind) {
      case "Namespace" -> out.accept(namespace(ns));
      case "ServiceAccount" -> {
        out.accept(serviceAccount(ns, "default", ns.system()));
        for (AppPlan a : ns.apps()) {
          emitIf(a.ownServiceAccount(), () -> serviceAccount(ns, a.name(), a.practice().automountOff()), out);
        }
      }
      case "ConfigMap" -> {
        out.accept(configMap(ns, "kube-root-ca.crt", Map.of("ca.crt", CA_PEM), null));
        for (AppPlan a : ns.apps()) {
          emitIf(a.configMap(), () -> configMap(ns, a.name() + "-config", appConfig(a), a), out);
        }
      }
      case "Role" -> emitIf(ns.role(), () -> role(ns), out);
      case "RoleBinding" -> emitIf(ns.role(), () -> roleBinding(ns), out);
      case "NetworkPolicy" -> {
        emitIf(ns.defaultDeny(), () -> defaultDeny(ns), out);
        for (AppPlan a : ns.apps()) {
          emitIf(a.allowPolicy(), () -> allowPolicy(ns, a), out);
        }
      }
      case "ResourceQuota" -> emitIf(ns.quota(), () -> quota(ns), out);
      case "LimitRange" -> emitIf(ns.quota(), () -> limitRange(ns), out);
      case "Event" -> emitEach(ns.events(), i -> event(ns, i), out);
      default -> {
        for (AppPlan a : ns.apps()) {
          appObjects(kind, ns, a, out);
        }
      }
    }
  }

  private void appObjects(String kind, NamespacePlan ns, AppPlan a, Consumer<ObjectNode> out) {
    AppKind app = a.kind();
    // revisions 0 (the current one) to oldRevisions
    int revisions = a.oldRevisions() + 1;
    switch (kind) {
      case "Pod" -> pods(ns, a, out);
      case "Service" -> emitIf(a.service(), () -> service(ns, a), out);
      case "Endpoints" -> emitIf(a.service(), () -> endpoints(ns, a), out);
      case "EndpointSlice" -> emitIf(a.service(), () -> endpointSlice(ns, a), out);
      case "DaemonSet" -> emitIf(app == AppKind.DAEMONSET, () -> controller("DaemonSet", "apps/v1", ns, a), out);
      case "Deployment" -> emitIf(app == AppKind.DEPLOYMENT, () -> controller("Deployment", "apps/v1", ns, a), out);
      case "ReplicaSet" -> emitEach(app == AppKind.DEPLOYMENT ? revisions : 0, rev -> replicaSet(ns, a, rev), out);
      case "StatefulSet" -> emitIf(app == AppKind.STATEFULSET, () -> controller("StatefulSet", "apps/v1", ns, a), out);
      case "ControllerRevision" -> emitEach(app == AppKind.STATEFULSET || app == AppKind.DAEMONSET ? revisions : 0,
          rev -> controllerRevision(ns, a, rev), out);
      case "PersistentVolumeClaim" -> emitEach(app == AppKind.STATEFULSET ? a.replicas() : 0, i -> pvc(ns, a, i), out);
      case "CronJob" -> emitIf(app == AppKind.CRONJOB, () -> cronJob(ns, a), out);
      case "Job" -> emitEach(app == AppKind.CRONJOB ? a.jobs() : 0, j -> job(ns, a, j), out);
      case "Secret" -> emitEach(a.secrets(), i -> secret(ns, a, i), out);
      default -> { }
    }
  }

  /** Hands over the object {@code make} makes, when {@code present} (and makes it only then). */
  private static void emitIf(boolean present, Supplier<ObjectNode> make, Consumer<ObjectNode> out) {
    if (present) {
      out.accept(make.get());
    }
  }

  /** Hands over {@code count} objects, those {@code make} makes of 0, 1 ... */
  private static void emitEach(int count, IntFunction<ObjectNode> make, Consumer<ObjectNode> out) {
    for (int i = 0; i < count; i++) {
      out.accept(make.apply(i));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // metadata

  private String nextResourceVersion() {
    resourceVersion += 7;
    return Long.toString(resourceVersion);
  }

  private static String time(long secondsBefore) {
    return EPOCH.minusSeconds(secondsBefore).toString();
  }

  private static long age(String name) {
    return 3_600L + Math.floorMod(name.hashCode(), 180 * 86_400);
  }

  private ObjectNode metadata(String kind, String namespace, String name, Map<String, String> labels,
      Map<String, String> annotations, ArrayNode owners) {
    ObjectNode meta = obj();
    if (annotations != null && !annotations.isEmpty()) {
      meta.set("annotations", Manifests.strings(annotations));
    }
    meta.put("creationTimestamp", time(age(namespace + name)));
    if (labels != null && !labels.isEmpty()) {
      meta.set("labels", Manifests.strings(labels));
    }
    meta.put("name", name);
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    if (owners != null) {
      meta.set("ownerReferences", owners);
    }
    meta.put("resourceVersion", nextResourceVersion());
    meta.put("uid", Manifests.uid(kind, namespace, name));
    return meta;
  }

  private static ArrayNode owner(String apiVersion, String kind, String namespace, String name) {
    return arr(obj("apiVersion", apiVersion, "blockOwnerDeletion", true, "controller", true, "kind", kind,
        "name", name, "uid", Manifests.uid(kind, namespace, name)));
  }

  private static ObjectNode object(String apiVersion, String kind, ObjectNode metadata, Object... rest) {
    ObjectNode o = obj("apiVersion", apiVersion, "kind", kind, "metadata", metadata);
    o.setAll(obj(rest));
    return o;
  }

  private static Map<String, String> appLabels(AppPlan a) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", a.name());
    labels.put("app.kubernetes.io/part-of", a.name().split("-")[0]);
    labels.put("app.kubernetes.io/version", a.version());
    return labels;
  }

  private static Map<String, String> selectorLabels(AppPlan a) {
    return Map.of("app.kubernetes.io/name", a.name());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cluster and namespaces

  private ObjectNode node(int index, String name) {
    boolean cp = name.startsWith("control-plane");
    String zone = "eu-west-1" + "abc".charAt(index % 3);
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("beta.kubernetes.io/arch", "amd64");
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    if (cp) {
      labels.put("node-role.kubernetes.io/control-plane", "");
    }
    labels.put("topology.kubernetes.io/region", "eu-west-1");
    labels.put("topology.kubernetes.io/zone", zone);
    String ip = nodeIp(name);
    String podCidr = podCidr(index);
    ObjectNode spec = obj("podCIDR", podCidr, "podCIDRs", arr(podCidr));
    if (cp) {
      spec.set("taints", arr(obj("effect", "NoSchedule", "key", "node-role.kubernetes.io/control-plane")));
    }
    ObjectNode status = obj(
        "addresses", arr(obj("address", ip, "type", "InternalIP"), obj("address", name, "type", "Hostname")),
        "allocatable", obj("cpu", "7910m", "ephemeral-storage", "95491281146", "memory", "31813752Ki", "pods", "110"),
        "capacity", obj("cpu", "8", "ephemeral-storage", "102609848Ki", "memory", "32863352Ki", "pods", "110"),
        "conditions", arr(
            condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available"),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")),
        "daemonEndpoints", obj("kubeletEndpoint", obj("Port", 10250)),
        "nodeInfo", obj("architecture", "amd64", "bootID", Manifests.uid("boot", null, name),
            "containerRuntimeVersion", "containerd://1.7.22", "kernelVersion", "6.1.0-27-cloud-amd64",
            "kubeProxyVersion", "v1.31.4", "kubeletVersion", "v1.31.4",
            "machineID", Manifests.digest(name).substring(0, 32), "operatingSystem", "linux",
            "osImage", "Debian GNU/Linux 12 (bookworm)", "systemUUID", Manifests.uid("system", null, name)));
    return object("v1", "Node", metadata("Node", null, name, labels,
        Map.of("node.alpha.kubernetes.io/ttl", "0", "volumes.kubernetes.io/controller-managed-attach-detach", "true"),
        null), "spec", spec, "status", status);
  }

  private static ObjectNode condition(String type, String status, String reason, String message) {
    return obj("lastHeartbeatTime", time(40), "lastTransitionTime", time(86_400 * 20), "message", message,
        "reason", reason, "status", status, "type", type);
  }

  /** The node's InternalIP, from its place in the plan: 10.0.1.2 onwards, one per node. */
  private String nodeIp(String node) {
    int i = nodeIndex(node);
    return "10.0." + (i / 250 + 1) + "." + (i % 250 + 2);
  }

  /** The node's /24 of the cluster CIDR 10.128.0.0/9, from its place in the plan. */
  private static String podCidr(int index) {
    return "10." + (128 + index / 256) + "." + (index % 256) + ".0/24";
  }

  private int nodeIndex(String node) {
    Integer i = nodeIndex.get(node);
    if (i == null) {
      throw new IllegalArgumentException("no node " + node + " in the plan");
    }
    return i;
  }

  private ObjectNode namespace(NamespacePlan ns) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/metadata.name", ns.name());
    if (!ns.system()) {
      labels.put("pci.example.com/owner", ns.team() + "-team");
    }
    if (ns.scope() != null) {
      labels.put("pci.example.com/scope", ns.scope());
    }
    if (ns.podSecurity() != null) {
      labels.put("pod-security.kubernetes.io/enforce", ns.podSecurity());
    }
    return object("v1", "Namespace", metadata("Namespace", null, ns.name(), labels, null, null),
        "spec", obj("finalizers", arr("kubernetes")), "status", obj("phase", "Active"));
  }

  private ObjectNode serviceAccount(NamespacePlan ns, String name, boolean automountOff) {
    ObjectNode sa = object("v1", "ServiceAccount", metadata("ServiceAccount", ns.name(), name, null, null, null));
    if (automountOff) {
      sa.put("automountServiceAccountToken", false);
    }
    return sa;
  }

  private ObjectNode configMap(NamespacePlan ns, String name, Map<String, String> data, AppPlan app) {
    Map<String, String> annotations = name.equals("kube-root-ca.crt")
        ? Map.of("kubernetes.io/description", "Contains a CA bundle that can be used to verify the kube-apiserver "
            + "when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other "
            + "usage is guaranteed across distributions of Kubernetes clusters.")
        : null;
    return object("v1", "ConfigMap", metadata("ConfigMap", ns.name(), name, app == null ? null : appLabels(app),
        annotations, null), "data", Manifests.strings(data));
  }

  private static Map<String, String> appConfig(AppPlan a) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("LOG_LEVEL", "info");
    data.put("HTTP_PORT", "8080");
    data.put("UPSTREAM_TIMEOUT", "5s");
    data.put("application.yaml", "server:\n  port: 8080\n  shutdown: graceful\nmanagement:\n  endpoints:\n"
        + "    web:\n      exposure:\n        include: health,prometheus\nspring:\n  application:\n    name: "
        + a.name() + "\n");
    return data;
  }

  private ObjectNode secret(NamespacePlan ns, AppPlan a, int index) {
    boolean helm = index == 1;
    String name = helm ? "sh.helm.release.v1." + a.name() + ".v" + (1 + a.oldRevisions()) : a.name() + "-credentials";
    Map<String, String> labels = helm
        ? Map.of("name", a.name(), "owner", "helm", "status", "deployed", "version",
            Integer.toString(1 + a.oldRevisions()))
        : appLabels(a);
    // values are never collected: metadata and type only
    return object("v1", "Secret", metadata("Secret", ns.name(), name, labels, null, null),
        "type", helm ? "helm.sh/release.v1" : "Opaque");
  }

  private ObjectNode role(NamespacePlan ns) {
    return object("rbac.authorization.k8s.io/v1", "Role",
        metadata("Role", ns.name(), ns.team() + "-deployer", null, null, null),
        "rules", arr(
            obj("apiGroups", arr("apps"), "resources", arr("deployments", "statefulsets"),
                "verbs", arr("get", "list", "watch", "update", "patch")),
            obj("apiGroups", arr(""), "resources", arr("configmaps", "services"),
                "verbs", arr("get", "list", "watch", "create", "update", "patch")),
            obj("apiGroups", arr(""), "resources", arr(ns.name().hashCode() % 5 == 0 ? "secrets" : "pods"),
                "verbs", arr("get", "list", "watch"))));
  }

  private ObjectNode roleBinding(NamespacePlan ns) {
    return object("rbac.authorization.k8s.io/v1", "RoleBinding",
        metadata("RoleBinding", ns.name(), ns.team() + "-deployers", null, null, null),
        "roleRef", obj("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", ns.team() + "-deployer"),
        "subjects", arr(
            obj("apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", "team:" + ns.team()),
            obj("kind", "ServiceAccount", "name", "default", "namespace", "ci")));
  }

  private ObjectNode defaultDeny(NamespacePlan ns) {
    return object("networking.k8s.io/v1", "NetworkPolicy",
        metadata("NetworkPolicy", ns.name(), "default-deny-all", null, null, null),
        "spec", obj("podSelector", obj(), "policyTypes", arr("Ingress", "Egress")));
  }

  private ObjectNode allowPolicy(NamespacePlan ns, AppPlan a) {
    return object("networking.k8s.io/v1", "NetworkPolicy",
        metadata("NetworkPolicy", ns.name(), a.name() + "-allow", null, null, null),
        "spec", obj(
            "egress", arr(
                obj("ports", arr(obj("port", 53, "protocol", "UDP"), obj("port", 53, "protocol", "TCP")),
                    "to", arr(obj("namespaceSelector", obj("matchLabels",
                        obj("kubernetes.io/metadata.name", "kube-system"))))),
                obj("ports", arr(obj("port", 5432, "protocol", "TCP")),
                    "to", arr(obj("podSelector", obj("matchLabels",
                        obj("app.kubernetes.io/name", ns.team() + "-db")))))),
            "ingress", arr(obj(
                "from", arr(
                    obj("namespaceSelector", obj("matchLabels", obj("kubernetes.io/metadata.name", "ingress-nginx"))),
                    obj("podSelector", obj("matchLabels", obj("app.kubernetes.io/part-of", ns.team())))),
                "ports", arr(obj("port", 8080, "protocol", "TCP")))),
            "podSelector", obj("matchLabels", Manifests.strings(selectorLabels(a))),
            "policyTypes", arr("Ingress", "Egress")));
  }

  private ObjectNode quota(NamespacePlan ns) {
    return object("v1", "ResourceQuota", metadata("ResourceQuota", ns.name(), "compute", null, null, null),
        "spec", obj("hard", obj("limits.cpu", "64", "limits.memory", "128Gi", "requests.cpu", "32",
            "requests.memory", "64Gi")),
        "status", obj("hard", obj("limits.cpu", "64", "limits.memory", "128Gi", "requests.cpu", "32",
            "requests.memory", "64Gi"), "used", obj("limits.cpu", "6", "limits.memory", "12Gi", "requests.cpu", "3",
            "requests.memory", "6Gi")));
  }

  private ObjectNode limitRange(NamespacePlan ns) {
    return object("v1", "LimitRange", metadata("LimitRange", ns.name(), "defaults", null, null, null),
        "spec", obj("limits", arr(obj("default", obj("cpu", "500m", "memory", "512Mi"),
            "defaultRequest", obj("cpu", "100m", "memory", "128Mi"), "type", "Container"))));
  }

  private ObjectNode event(NamespacePlan ns, int i) {
    AppPlan a = ns.apps().isEmpty() ? null : ns.apps().get(i % ns.apps().size());
    String pod = a == null ? "none" : a.name() + "-" + Manifests.suffix(ns.name() + i, 5);
    String[][] kinds = {
        {"Scheduled", "Normal", "Successfully assigned " + ns.name() + "/" + pod + " to " + plan.workers().get(0)},
        {"Pulled", "Normal", "Container image already present on machine"},
        {"Created", "Normal", "Created container app"},
        {"Started", "Normal", "Started container app"},
        {"Unhealthy", "Warning", "Readiness probe failed: HTTP probe failed with statuscode: 503"},
        {"BackOff", "Warning", "Back-off restarting failed container app in pod " + pod}};
    String[] k = kinds[i % kinds.length];
    String name = pod + "." + Long.toHexString(0x17f0000000000000L + (long) i * 7919 + ns.name().hashCode());
    return object("v1", "Event", metadata("Event", ns.name(), name, null, null, null),
        "count", 1 + i % 4,
        "firstTimestamp", time(1_800 + i),
        "involvedObject", obj("apiVersion", "v1", "kind", "Pod", "name", pod, "namespace", ns.name(),
            "resourceVersion", Long.toString(4_000_000 + i), "uid", Manifests.uid("Pod", ns.name(), pod)),
        "lastTimestamp", time(600 + i),
        "message", k[2],
        "reason", k[0],
        "reportingComponent", "kubelet",
        "reportingInstance", plan.workers().get(0),
        "source", obj("component", "kubelet", "host", plan.workers().get(0)),
        "type", k[1]);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // workloads

  private String image(AppPlan a) {
    Practice p = a.practice();
    String repo = p.registry() + "/" + a.image();
    if (p.digest()) {
      return repo + "@sha256:" + Manifests.digest(repo + a.version());
    }
    return repo + ":" + (p.latestTag() ? "latest" : a.version());
  }

  private ObjectNode container(AppPlan a, String name, String image, boolean main, boolean pod, String token) {
    Practice p = a.practice();
    ObjectNode c = obj();
    if (main) {
      c.set("env", arr(
          obj("name", "LOG_LEVEL", "value", "info"),
          obj("name", "JAVA_TOOL_OPTIONS", "value", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"),
          obj("name", "DB_HOST", "value", a.name().split("-")[0] + "-db"),
          obj("name", "POD_NAME", "valueFrom", obj("fieldRef", obj("apiVersion", "v1", "fieldPath", "metadata.name"))),
          obj("name", "POD_IP", "valueFrom", obj("fieldRef", obj("apiVersion", "v1", "fieldPath", "status.podIP"))),
          obj("name", "API_TOKEN", "valueFrom", obj("secretKeyRef", obj("key", "token",
              "name", a.name() + "-credentials")))));
      if (a.configMap()) {
        c.set("envFrom", arr(obj("configMapRef", obj("name", a.name() + "-config"))));
      }
    }
    c.put("image", image);
    c.put("imagePullPolicy", image.endsWith(":latest") ? "Always" : "IfNotPresent");
    if (main && a.kind() != AppKind.CRONJOB) {
      c.set("livenessProbe", probe("/healthz", 10));
    }
    c.put("name", name);
    if (main && a.kind() != AppKind.CRONJOB) {
      c.set("ports", arr(obj("containerPort", 8080, "name", "http", "protocol", "TCP"),
          obj("containerPort", 9090, "name", "metrics", "protocol", "TCP")));
      c.set("readinessProbe", probe("/ready", 5));
    }
    ObjectNode requests = obj("cpu", main ? "250m" : "50m", "memory", main ? "256Mi" : "64Mi");
    c.set("resources", p.limits()
        ? obj("limits", obj("cpu", main ? "1" : "200m", "memory", main ? "512Mi" : "128Mi"), "requests", requests)
        : obj("requests", requests));
    if (p.privileged()) {
      c.set("securityContext", obj("privileged", true));
    } else if (p.restricted()) {
      c.set("securityContext", obj("allowPrivilegeEscalation", false, "capabilities", obj("drop", arr("ALL")),
          "readOnlyRootFilesystem", true, "runAsNonRoot", true, "runAsUser", 10001,
          "seccompProfile", obj("type", "RuntimeDefault")));
    } else if (p.runAsNonRoot()) {
      c.set("securityContext", obj("runAsNonRoot", true, "runAsUser", 1000));
    }
    c.put("terminationMessagePath", "/dev/termination-log");
    c.put("terminationMessagePolicy", "File");
    ArrayNode mounts = arr();
    if (a.configMap() && main) {
      mounts.add(obj("mountPath", "/etc/" + a.name(), "name", "config", "readOnly", true));
    }
    mounts.add(obj("mountPath", "/tmp", "name", "tmp"));
    if (p.hostPath() && main) {
      mounts.add(obj("mountPath", "/host/var/log", "name", "host-logs", "readOnly", true));
    }
    if (pod && token != null) {
      mounts.add(obj("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount", "name", token, "readOnly", true));
    }
    c.set("volumeMounts", mounts);
    return c;
  }

  private static ObjectNode probe(String path, int period) {
    return obj("failureThreshold", 3, "httpGet", obj("path", path, "port", "http", "scheme", "HTTP"),
        "initialDelaySeconds", 10, "periodSeconds", period, "successThreshold", 1, "timeoutSeconds", 1);
  }

  /**
   * A pod spec: as a controller's template holds it, or (pod true) as the API server stores a pod created from it,
   * with the token volume, the default tolerations and the node it was scheduled on.
   */
  private ObjectNode podSpec(AppPlan a, String node, String podName) {
    boolean pod = node != null;
    Practice p = a.practice();
    boolean mountsToken = pod && !p.automountOff();
    String token = mountsToken ? "kube-api-access-" + Manifests.suffix(podName + "token", 5) : null;
    ObjectNode spec = obj();
    if (p.automountOff()) {
      spec.put("automountServiceAccountToken", false);
    }
    String component = a.name().substring(a.name().indexOf('-') + 1);
    ArrayNode containers = arr(container(a, component, image(a), true, pod, token));
    if (a.sidecar()) {
      containers.add(container(a, "log-shipper", "cr.fluentbit.io/fluent/fluent-bit:3.1.9", false, pod, token));
    }
    spec.set("containers", containers);
    spec.put("dnsPolicy", p.hostNetwork() ? "ClusterFirstWithHostNet" : "ClusterFirst");
    if (pod) {
      spec.put("enableServiceLinks", true);
    }
    if (p.hostNetwork()) {
      spec.put("hostNetwork", true);
    }
    if (p.hostPid()) {
      spec.put("hostPID", true);
    }
    if (a.init()) {
      spec.set("initContainers", arr(container(a, "migrate", image(a), false, pod, token)));
    }
    if (pod) {
      spec.put("nodeName", node);
      spec.put("preemptionPolicy", "PreemptLowerPriority");
      spec.put("priority", 0);
    }
    spec.put("restartPolicy", a.kind() == AppKind.CRONJOB ? "OnFailure" : "Always");
    spec.put("schedulerName", "default-scheduler");
    spec.set("securityContext", p.restricted()
        ? obj("fsGroup", 10001, "runAsNonRoot", true, "seccompProfile", obj("type", "RuntimeDefault"))
        : obj());
    String sa = a.ownServiceAccount() ? a.name() : null;
    if (pod) {
      spec.put("serviceAccount", sa == null ? "default" : sa);
      spec.put("serviceAccountName", sa == null ? "default" : sa);
    } else if (sa != null) {
      spec.put("serviceAccountName", sa);
    }
    spec.put("terminationGracePeriodSeconds", 30);
    if (pod) {
      spec.set("tolerations", arr(
          obj("effect", "NoExecute", "key", "node.kubernetes.io/not-ready", "operator", "Exists",
              "tolerationSeconds", 300),
          obj("effect", "NoExecute", "key", "node.kubernetes.io/unreachable", "operator", "Exists",
              "tolerationSeconds", 300)));
    }
    ArrayNode volumes = arr();
    if (a.configMap()) {
      volumes.add(obj("configMap", obj("defaultMode", 420, "name", a.name() + "-config"), "name", "config"));
    }
    if (p.hostPath()) {
      volumes.add(obj("hostPath", obj("path", "/var/log", "type", ""), "name", "host-logs"));
    }
    volumes.add(obj("emptyDir", obj(), "name", "tmp"));
    if (token != null) {
      volumes.add(obj("name", token, "projected", obj("defaultMode", 420, "sources", arr(
          obj("serviceAccountToken", obj("expirationSeconds", 3607, "path", "token")),
          obj("configMap", obj("items", arr(obj("key", "ca.crt", "path", "ca.crt")), "name", "kube-root-ca.crt")),
          obj("downwardAPI", obj("items", arr(obj("fieldRef", obj("apiVersion", "v1",
              "fieldPath", "metadata.namespace"), "path", "namespace"))))))));
    }
    spec.set("volumes", volumes);
    return spec;
  }

  private ObjectNode template(AppPlan a, Map<String, String> extraLabels) {
    Map<String, String> labels = new LinkedHashMap<>(appLabels(a));
    labels.putAll(extraLabels);
    ObjectNode meta = obj("creationTimestamp", null, "labels", Manifests.strings(labels));
    meta.putNull("creationTimestamp");
    if (a.kind() != AppKind.CRONJOB) {
      meta.set("annotations", obj("prometheus.io/scrape", "true", "prometheus.io/port", "9090"));
    }
    return obj("metadata", meta, "spec", podSpec(a, null, null));
  }

  private static String rsHash(AppPlan a, int rev) {
    return Manifests.suffix(a.name() + RS_HASH_SALT + rev, 10);
  }

  private ObjectNode controller(String kind, String apiVersion, NamespacePlan ns, AppPlan a) {
    ObjectNode meta = metadata(kind, ns.name(), a.name(), appLabels(a),
        Map.of("meta.helm.sh/release-name", a.name(), "meta.helm.sh/release-namespace", ns.name()), null);
    meta.put("generation", 1 + a.oldRevisions());
    ObjectNode spec = obj();
    ObjectNode status;
    int ready = a.replicas();
    switch (a.kind()) {
      case DEPLOYMENT -> {
        spec.put("progressDeadlineSeconds", 600);
        spec.put("replicas", a.replicas());
        spec.put("revisionHistoryLimit", 10);
        spec.set("selector", obj("matchLabels", Manifests.strings(selectorLabels(a))));
        spec.set("strategy", obj("rollingUpdate", obj("maxSurge", "25%", "maxUnavailable", "25%"),
            "type", "RollingUpdate"));
        spec.set("template", template(a, Map.of()));
        status = obj("availableReplicas", ready, "observedGeneration", 1 + a.oldRevisions(), "readyReplicas", ready,
            "replicas", ready, "updatedReplicas", ready,
            "conditions", arr(obj("lastTransitionTime", time(86_400), "lastUpdateTime", time(86_400),
                "message", "Deployment has minimum availability.", "reason", "MinimumReplicasAvailable",
                "status", "True", "type", "Available")));
      }
      case STATEFULSET -> {
        spec.put("podManagementPolicy", "OrderedReady");
        spec.put("replicas", a.replicas());
        spec.put("revisionHistoryLimit", 10);
        spec.set("selector", obj("matchLabels", Manifests.strings(selectorLabels(a))));
        spec.put("serviceName", a.name());
        spec.set("template", template(a, Map.of()));
        spec.set("updateStrategy", obj("rollingUpdate", obj("partition", 0), "type", "RollingUpdate"));
        spec.set("volumeClaimTemplates", arr(obj("apiVersion", "v1", "kind", "PersistentVolumeClaim",
            "metadata", obj("name", "data"), "spec", obj("accessModes", arr("ReadWriteOnce"),
                "resources", obj("requests", obj("storage", "20Gi")), "storageClassName", "gp3", "volumeMode",
                "Filesystem"))));
        status = obj("availableReplicas", ready, "currentReplicas", ready, "observedGeneration", 1 + a.oldRevisions(),
            "readyReplicas", ready, "replicas", ready, "updatedReplicas", ready);
      }
      default -> {
        int nodes = plan.workers().size();
        spec.put("revisionHistoryLimit", 10);
        spec.set("selector", obj("matchLabels", Manifests.strings(selectorLabels(a))));
        spec.set("template", template(a, Map.of()));
        spec.set("updateStrategy", obj("rollingUpdate", obj("maxSurge", 0, "maxUnavailable", 1),
            "type", "RollingUpdate"));
        status = obj("currentNumberScheduled", nodes, "desiredNumberScheduled", nodes, "numberAvailable", nodes,
            "numberMisscheduled", 0, "numberReady", nodes, "observedGeneration", 1 + a.oldRevisions(),
            "updatedNumberScheduled", nodes);
      }
    }
    return object(apiVersion, kind, meta, "spec", spec, "status", status);
  }

  private ObjectNode replicaSet(NamespacePlan ns, AppPlan a, int rev) {
    boolean current = rev == a.oldRevisions();
    String hash = rsHash(a, rev);
    Map<String, String> labels = new LinkedHashMap<>(selectorLabels(a));
    labels.put("pod-template-hash", hash);
    ObjectNode meta = metadata("ReplicaSet", ns.name(), a.name() + "-" + hash, labels,
        Map.of("deployment.kubernetes.io/desired-replicas", Integer.toString(a.replicas()),
            "deployment.kubernetes.io/max-replicas", Integer.toString(a.replicas() + 1),
            "deployment.kubernetes.io/revision", Integer.toString(rev + 1)),
        owner("apps/v1", "Deployment", ns.name(), a.name()));
    int replicas = current ? a.replicas() : 0;
    ObjectNode spec = obj("replicas", replicas,
        "selector", obj("matchLabels", Manifests.strings(labels)),
        "template", template(a, Map.of("pod-template-hash", hash)));
    ObjectNode status = current
        ? obj("availableReplicas", replicas, "fullyLabeledReplicas", replicas, "observedGeneration", 1,
            "readyReplicas", replicas, "replicas", replicas)
        : obj("observedGeneration", 2, "replicas", 0);
    return object("apps/v1", "ReplicaSet", meta, "spec", spec, "status", status);
  }

  private ObjectNode controllerRevision(NamespacePlan ns, AppPlan a, int rev) {
    String kind = a.kind() == AppKind.DAEMONSET ? "DaemonSet" : "StatefulSet";
    String name = a.name() + "-" + rsHash(a, rev);
    ObjectNode meta = metadata("ControllerRevision", ns.name(), name, selectorLabels(a), null,
        owner("apps/v1", kind, ns.name(), a.name()));
    return object("apps/v1", "ControllerRevision", meta,
        "data", obj("spec", obj("template", template(a, Map.of()))), "revision", rev + 1);
  }

  private ObjectNode pvc(NamespacePlan ns, AppPlan a, int i) {
    String name = "data-" + a.name() + "-" + i;
    return object("v1", "PersistentVolumeClaim", metadata("PersistentVolumeClaim", ns.name(), name,
        selectorLabels(a), Map.of("pv.kubernetes.io/bind-completed", "yes",
            "volume.kubernetes.io/storage-provisioner", "ebs.csi.aws.com"), null),
        "spec", obj("accessModes", arr("ReadWriteOnce"), "resources", obj("requests", obj("storage", "20Gi")),
            "storageClassName", "gp3", "volumeMode", "Filesystem", "volumeName", "pvc-" + Manifests.uid("pv",
                ns.name(), name)),
        "status", obj("accessModes", arr("ReadWriteOnce"), "capacity", obj("storage", "20Gi"), "phase", "Bound"));
  }

  private ObjectNode cronJob(NamespacePlan ns, AppPlan a) {
    ObjectNode jobTemplate = obj("metadata", obj("creationTimestamp", null), "spec",
        obj("backoffLimit", 2, "template", template(a, Map.of())));
    ((ObjectNode) jobTemplate.get("metadata")).putNull("creationTimestamp");
    return object("batch/v1", "CronJob", metadata("CronJob", ns.name(), a.name(), appLabels(a), null, null),
        "spec", obj("concurrencyPolicy", "Forbid", "failedJobsHistoryLimit", 1, "jobTemplate", jobTemplate,
            "schedule", "*/30 * * * *", "successfulJobsHistoryLimit", a.jobs(), "suspend", false),
        "status", obj("lastScheduleTime", time(600), "lastSuccessfulTime", time(540)));
  }

  private static String jobName(AppPlan a, int j) {
    return a.name() + "-" + (28_940_000 + j * 30);
  }

  private ObjectNode job(NamespacePlan ns, AppPlan a, int j) {
    String name = jobName(a, j);
    Map<String, String> labels = new LinkedHashMap<>(appLabels(a));
    labels.put("batch.kubernetes.io/job-name", name);
    ObjectNode meta = metadata("Job", ns.name(), name, labels, null, owner("batch/v1", "CronJob", ns.name(), a.name()));
    ObjectNode spec = obj("backoffLimit", 2, "completionMode", "NonIndexed", "completions", 1, "parallelism", 1,
        "selector", obj("matchLabels", obj("batch.kubernetes.io/controller-uid", Manifests.uid("Job", ns.name(),
            name))),
        "suspend", false, "template", template(a, Map.of("batch.kubernetes.io/job-name", name)));
    return object("batch/v1", "Job", meta, "spec", spec, "status", obj("completionTime", time(540 + j * 1800),
        "conditions", arr(obj("lastProbeTime", time(540 + j * 1800), "lastTransitionTime", time(540 + j * 1800),
            "status", "True", "type", "Complete")), "ready", 0, "startTime", time(600 + j * 1800), "succeeded", 1));
  }

  private void pods(NamespacePlan ns, AppPlan a, Consumer<ObjectNode> out) {
    List<String> workers = plan.workers();
    switch (a.kind()) {
      case DEPLOYMENT -> {
        String hash = rsHash(a, a.oldRevisions());
        String rs = a.name() + "-" + hash;
        for (int i = 0; i < a.replicas(); i++) {
          String name = rs + "-" + Manifests.suffix(rs + i, 5);
          out.accept(pod(ns, a, name, pick(workers, name), Map.of("pod-template-hash", hash),
              owner("apps/v1", "ReplicaSet", ns.name(), rs), true));
        }
      }
      case STATEFULSET -> {
        for (int i = 0; i < a.replicas(); i++) {
          String name = a.name() + "-" + i;
          out.accept(pod(ns, a, name, pick(workers, name), Map.of("apps.kubernetes.io/pod-index", Integer.toString(i),
              "controller-revision-hash", a.name() + "-" + rsHash(a, a.oldRevisions()),
              "statefulset.kubernetes.io/pod-name", name), owner("apps/v1", "StatefulSet", ns.name(), a.name()), true));
        }
      }
      case DAEMONSET -> {
        for (String node : workers) {
          String name = a.name() + "-" + Manifests.suffix(a.name() + node, 5);
          out.accept(pod(ns, a, name, node, Map.of("controller-revision-hash", rsHash(a, a.oldRevisions()),
              "pod-template-generation", Integer.toString(1 + a.oldRevisions())),
              owner("apps/v1", "DaemonSet", ns.name(), a.name()), true));
        }
      }
      case CRONJOB -> {
        for (int j = 0; j < a.jobs(); j++) {
          String job = jobName(a, j);
          String name = job + "-" + Manifests.suffix(job, 5);
          out.accept(pod(ns, a, name, pick(workers, name), Map.of("batch.kubernetes.io/job-name", job),
              owner("batch/v1", "Job", ns.name(), job), false));
        }
      }
      case MIRROR -> {
        for (String node : plan.controlPlane()) {
          out.accept(mirrorPod(ns, a, node));
        }
      }
    }
  }

  private static String pick(List<String> workers, String name) {
    return workers.get(Math.floorMod(name.hashCode(), workers.size()));
  }

  private ObjectNode pod(NamespacePlan ns, AppPlan a, String name, String node, Map<String, String> extraLabels,
      ArrayNode owners, boolean running) {
    Map<String, String> labels = new LinkedHashMap<>(appLabels(a));
    labels.putAll(extraLabels);
    Map<String, String> annotations = a.kind() == AppKind.CRONJOB ? null
        : Map.of("prometheus.io/scrape", "true", "prometheus.io/port", "9090");
    ObjectNode meta = metadata("Pod", ns.name(), name, labels, annotations, owners);
    meta.put("generateName", name.substring(0, name.lastIndexOf('-') + 1));
    ObjectNode spec = podSpec(a, node, name);
    return object("v1", "Pod", meta, "spec", spec, "status", podStatus(a, spec, name, node, running));
  }

  private ObjectNode podStatus(AppPlan a, ObjectNode spec, String name, String node, boolean running) {
    String started = time(age(name));
    ArrayNode statuses = arr();
    for (var c : spec.get("containers")) {
      String image = c.get("image").asText();
      String digestOf = image.contains("@") ? image.substring(image.indexOf('@') + 1)
          : "sha256:" + Manifests.digest(image);
      String repo = image.contains("@") ? image.substring(0, image.indexOf('@'))
          : image.substring(0, image.lastIndexOf(':'));
      ObjectNode state = running
          ? obj("running", obj("startedAt", started))
          : obj("terminated", obj("containerID", "containerd://" + Manifests.digest(name + c.get("name")),
              "exitCode", 0, "finishedAt", started, "reason", "Completed", "startedAt", started));
      statuses.add(obj("containerID", "containerd://" + Manifests.digest(name + c.get("name").asText()),
          "image", image, "imageID", repo + "@" + digestOf, "lastState", obj(), "name", c.get("name").asText(),
          "ready", running, "restartCount", Math.floorMod(name.hashCode(), 7) == 0 ? 1 : 0, "started", running,
          "state", state));
    }
    ArrayNode conditions = arr(
        obj("lastProbeTime", null, "lastTransitionTime", started, "status", "True", "type",
            "PodReadyToStartContainers"),
        obj("lastProbeTime", null, "lastTransitionTime", started, "status", "True", "type", "Initialized"),
        obj("lastProbeTime", null, "lastTransitionTime", started, "status", running ? "True" : "False", "type",
            "Ready"),
        obj("lastProbeTime", null, "lastTransitionTime", started, "status", running ? "True" : "False",
            "type", "ContainersReady"),
        obj("lastProbeTime", null, "lastTransitionTime", started, "status", "True", "type", "PodScheduled"));
    for (var c : conditions) {
      ((ObjectNode) c).putNull("lastProbeTime");
    }
    String podIp = a.practice().hostNetwork() ? nodeIp(node) : podIp(node);
    ObjectNode status = obj("conditions", conditions, "containerStatuses", statuses, "hostIP", nodeIp(node),
        "hostIPs", arr(obj("ip", nodeIp(node))), "phase", running ? "Running" : "Succeeded", "podIP", podIp,
        "podIPs", arr(obj("ip", podIp)), "qosClass", a.practice().limits() ? "Burstable" : "Burstable",
        "startTime", started);
    if (spec.has("initContainers")) {
      status.set("initContainerStatuses", arr(obj("containerID", "containerd://" + Manifests.digest(name + "init"),
          "image", spec.get("initContainers").get(0).get("image").asText(), "imageID", "sha256:"
              + Manifests.digest(name), "lastState", obj(), "name", "migrate", "ready", true, "restartCount", 0,
          "started", false, "state", obj("terminated", obj("containerID", "containerd://"
              + Manifests.digest(name + "init"), "exitCode", 0, "finishedAt", started, "reason", "Completed",
              "startedAt", started)))));
    }
    return status;
  }

  /** The next address of the node's pod CIDR: the pods on one node get .2 to .254 in the order they are written. */
  private String podIp(String node) {
    return podAddress(node, podsPlaced.merge(node, 1, Integer::sum) - 1);
  }

  /**
   * The address an Endpoints or EndpointSlice gives its {@code i}-th pod ({@code app-i}, a name no generated pod
   * has): inside the pod CIDR of the node it names, fixed by the name.
   */
  private String endpointIp(String pod) {
    return podAddress(pick(plan.workers(), pod), Math.floorMod(pod.hashCode(), 253));
  }

  private String podAddress(String node, int n) {
    int i = nodeIndex(node);
    return "10." + (128 + i / 256) + "." + (i % 256) + "." + (2 + n % 253);
  }

  private ObjectNode mirrorPod(NamespacePlan ns, AppPlan a, String node) {
    String name = a.name() + "-" + node;
    Map<String, String> labels = Map.of("component", a.name(), "tier", "control-plane");
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("kubernetes.io/config.hash", Manifests.digest(name).substring(0, 32));
    annotations.put("kubernetes.io/config.mirror", Manifests.digest(name).substring(0, 32));
    annotations.put("kubernetes.io/config.source", "file");
    ObjectNode meta = metadata("Pod", ns.name(), name, labels, annotations,
        arr(obj("apiVersion", "v1", "controller", true, "kind", "Node", "name", node,
            "uid", Manifests.uid("Node", null, node))));
    List<String> command = new ArrayList<>();
    if (a.name().equals("etcd")) {
      command.addAll(List.of("etcd", "--advertise-client-urls=https://" + nodeIp(node) + ":2379",
          "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true", "--data-dir=/var/lib/etcd",
          "--key-file=/etc/kubernetes/pki/etcd/server.key", "--peer-client-cert-auth=true",
          "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"));
    } else {
      command.addAll(List.of("kube-apiserver", "--advertise-address=" + nodeIp(node), "--allow-privileged=true",
          "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt",
          "--enable-admission-plugins=NodeRestriction", "--encryption-provider-config=/etc/kubernetes/enc/enc.yaml",
          "--etcd-servers=https://127.0.0.1:2379", "--audit-log-path=/var/log/kubernetes/audit.log",
          "--audit-policy-file=/etc/kubernetes/audit-policy.yaml", "--profiling=false",
          "--secure-port=6443", "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
          "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt",
              "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"));
    }
    ObjectNode spec = obj(
        "containers", arr(obj("command", arr(command), "image", "registry.k8s.io/" + a.image() + ":" + a.version(),
            "imagePullPolicy", "IfNotPresent", "name", a.name(),
            "resources", obj("requests", obj("cpu", "250m")),
            "terminationMessagePath", "/dev/termination-log", "terminationMessagePolicy", "File",
            "volumeMounts", arr(obj("mountPath", "/etc/kubernetes/pki", "name", "k8s-certs", "readOnly", true)))),
        "dnsPolicy", "ClusterFirst", "enableServiceLinks", true, "hostNetwork", true, "nodeName", node,
        "priority", 2000001000, "priorityClassName", "system-node-critical", "restartPolicy", "Always",
        "schedulerName", "default-scheduler", "securityContext", obj("seccompProfile", obj("type", "RuntimeDefault")),
        "terminationGracePeriodSeconds", 30,
        "tolerations", arr(obj("effect", "NoExecute", "operator", "Exists")),
        "volumes", arr(obj("hostPath", obj("path", "/etc/kubernetes/pki", "type", "DirectoryOrCreate"),
            "name", "k8s-certs")));
    return object("v1", "Pod", meta, "spec", spec, "status", obj("phase", "Running", "hostIP", nodeIp(node),
        "podIP", nodeIp(node), "qosClass", "Burstable", "startTime", time(86_400 * 30)));
  }

  private ObjectNode service(NamespacePlan ns, AppPlan a) {
    boolean headless = a.kind() == AppKind.STATEFULSET || a.kind() == AppKind.DAEMONSET;
    String ip = headless ? "None" : "10.96." + Math.floorMod(a.name().hashCode(), 250) + "."
        + Math.floorMod((ns.name() + a.name()).hashCode(), 250);
    return object("v1", "Service", metadata("Service", ns.name(), a.name(), appLabels(a), null, null),
        "spec", obj("clusterIP", ip, "clusterIPs", arr(ip), "internalTrafficPolicy", "Cluster",
            "ipFamilies", arr("IPv4"), "ipFamilyPolicy", "SingleStack",
            "ports", arr(obj("name", "http", "port", 80, "protocol", "TCP", "targetPort", "http")),
            "selector", Manifests.strings(selectorLabels(a)), "sessionAffinity", "None", "type", "ClusterIP"),
        "status", obj("loadBalancer", obj()));
  }

  private ObjectNode endpoints(NamespacePlan ns, AppPlan a) {
    ArrayNode addresses = arr();
    for (int i = 0; i < Math.min(a.pods(plan.workers().size(), plan.controlPlane().size()), 20); i++) {
      String pod = a.name() + "-" + i;
      addresses.add(obj("ip", endpointIp(pod), "nodeName", pick(plan.workers(), pod),
          "targetRef", obj("kind", "Pod", "name", pod, "namespace", ns.name(), "uid", Manifests.uid("Pod", ns.name(),
              pod))));
    }
    return object("v1", "Endpoints", metadata("Endpoints", ns.name(), a.name(), appLabels(a),
        Map.of("endpoints.kubernetes.io/last-change-trigger-time", time(86_400)), null),
        "subsets", arr(obj("addresses", addresses, "ports", arr(obj("name", "http", "port", 8080, "protocol",
            "TCP")))));
  }

  private ObjectNode endpointSlice(NamespacePlan ns, AppPlan a) {
    String name = a.name() + "-" + Manifests.suffix(a.name() + "eps", 5);
    Map<String, String> labels = new LinkedHashMap<>(appLabels(a));
    labels.put("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
    labels.put("kubernetes.io/service-name", a.name());
    ArrayNode endpoints = arr();
    for (int i = 0; i < Math.min(a.pods(plan.workers().size(), plan.controlPlane().size()), 20); i++) {
      String pod = a.name() + "-" + i;
      endpoints.add(obj("addresses", arr(endpointIp(pod)), "conditions", obj("ready", true, "serving", true,
          "terminating", false), "nodeName", pick(plan.workers(), pod),
          "targetRef", obj("kind", "Pod", "name", pod, "namespace", ns.name(), "uid", Manifests.uid("Pod", ns.name(),
              pod))));
    }
    return object("discovery.k8s.io/v1", "EndpointSlice", metadata("EndpointSlice", ns.name(), name, labels, null,
        owner("v1", "Service", ns.name(), a.name())),
        "addressType", "IPv4", "endpoints", endpoints,
        "ports", arr(obj("name", "http", "port", 8080, "protocol", "TCP")));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cluster-wide policy objects

  private static final String[] SYSTEM_ROLES = {"admin", "cluster-admin", "edit", "view", "system:aggregate-to-admin",
      "system:aggregate-to-edit", "system:aggregate-to-view", "system:auth-delegator", "system:basic-user",
      "system:certificates.k8s.io:certificatesigningrequests:nodeclient", "system:controller:attachdetach-controller",
      "system:controller:cronjob-controller", "system:controller:daemon-set-controller",
      "system:controller:deployment-controller", "system:controller:endpoint-controller",
      "system:controller:job-controller", "system:controller:namespace-controller", "system:controller:node-controller",
      "system:controller:replicaset-controller", "system:controller:statefulset-controller", "system:discovery",
      "system:heapster", "system:kube-controller-manager", "system:kube-dns", "system:kube-scheduler", "system:node",
      "system:node-proxier", "system:public-info-viewer"};

  private void clusterRoles(Consumer<ObjectNode> out) {
    int total = plan.clusterWide().clusterRoles();
    for (int i = 0; i < total; i++) {
      String name = i < SYSTEM_ROLES.length ? SYSTEM_ROLES[i] : "team-reader-" + (i - SYSTEM_ROLES.length + 1);
      ArrayNode rules;
      if (name.equals("cluster-admin")) {
        rules = arr(obj("apiGroups", arr("*"), "resources", arr("*"), "verbs", arr("*")),
            obj("nonResourceURLs", arr("*"), "verbs", arr("*")));
      } else if (name.equals("admin") || name.equals("edit")) {
        rules = arr(obj("apiGroups", arr(""), "resources", arr("pods", "pods/exec", "secrets", "services",
            "configmaps"),
            "verbs", arr("create", "delete", "get", "list", "patch", "update", "watch")),
            obj("apiGroups", arr("apps"), "resources", arr("deployments", "statefulsets", "daemonsets"),
                "verbs", arr("create", "delete", "get", "list", "patch", "update", "watch")));
      } else {
        rules = arr(obj("apiGroups", arr("", "apps", "batch"), "resources", arr("pods", "deployments", "jobs",
            "events"),
            "verbs", arr("get", "list", "watch")));
      }
      Map<String, String> labels = name.startsWith("system:") || i < 4
          ? Map.of("kubernetes.io/bootstrapping", "rbac-defaults") : Map.of("rbac.example.com/team", "shared");
      out.accept(object("rbac.authorization.k8s.io/v1", "ClusterRole",
          metadata("ClusterRole", null, name, labels, Map.of("rbac.authorization.kubernetes.io/autoupdate", "true"),
              null), "rules", rules));
    }
  }

  private void clusterRoleBindings(Consumer<ObjectNode> out) {
    int total = plan.clusterWide().clusterRoleBindings();
    for (int i = 0; i < total; i++) {
      String role = SYSTEM_ROLES[4 + i % (SYSTEM_ROLES.length - 4)];
      String name = i == 0 ? "cluster-admin" : role + (i >= SYSTEM_ROLES.length - 4 ? "-" + i : "");
      ObjectNode subject = i == 0
          ? obj("apiGroup", "rbac.authorization.k8s.io", "kind", "Group", "name", "system:masters")
          : obj("kind", "ServiceAccount", "name", role.replace("system:controller:", "").replace(':', '-'),
              "namespace", "kube-system");
      out.accept(object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding",
          metadata("ClusterRoleBinding", null, name, Map.of("kubernetes.io/bootstrapping", "rbac-defaults"),
              Map.of("rbac.authorization.kubernetes.io/autoupdate", "true"), null),
          "roleRef", obj("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
              "name", i == 0 ? "cluster-admin" : role),
          "subjects", arr(subject)));
    }
    // the bad practice auditors keep finding: cluster-admin granted to people and to CI
    String[] people = {"alice@payments.example.com", "bob@payments.example.com", "ci-deployer", "vendor-support",
        "carol@payments.example.com", "oncall"};
    for (int i = 0; i < plan.clusterWide().adminBindings(); i++) {
      String who = people[i % people.length];
      ObjectNode subject = who.contains("@")
          ? obj("apiGroup", "rbac.authorization.k8s.io", "kind", "User", "name", who)
          : obj("kind", "ServiceAccount", "name", who, "namespace", "default");
      out.accept(object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding",
          metadata("ClusterRoleBinding", null, "admin-" + who.replace('@', '-').replace('.', '-'), null, null, null),
          "roleRef", obj("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "cluster-admin"),
          "subjects", arr(subject)));
    }
  }

  private void webhooks(Consumer<ObjectNode> out) {
    String[] names = {"kyverno-resource-validating-webhook-cfg", "gatekeeper-validating-webhook-configuration"};
    for (int i = 0; i < plan.clusterWide().webhooks(); i++) {
      String name = names[i % names.length];
      String service = i % 2 == 0 ? "kyverno-svc" : "gatekeeper-webhook-service";
      String ns = i % 2 == 0 ? "kyverno" : "gatekeeper-system";
      out.accept(object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration",
          metadata("ValidatingWebhookConfiguration", null, name, null, null, null),
          "webhooks", arr(obj("admissionReviewVersions", arr("v1"),
              "clientConfig", obj("caBundle", "LS0tLS1CRUdJTi", "service", obj("name", service, "namespace", ns,
                  "path", "/validate", "port", 443)),
              "failurePolicy", i % 2 == 0 ? "Fail" : "Ignore", "matchPolicy", "Equivalent",
              "name", "validate." + name, "namespaceSelector", obj("matchExpressions", arr(obj("key",
                  "kubernetes.io/metadata.name", "operator", "NotIn", "values", arr("kube-system", ns)))),
              "rules", arr(obj("apiGroups", arr("*"), "apiVersions", arr("*"), "operations", arr("CREATE", "UPDATE"),
                  "resources", arr("*"), "scope", "*")),
              "sideEffects", "None", "timeoutSeconds", 10))));
    }
  }

  private void kyvernoPolicies(Consumer<ObjectNode> out) {
    String[][] policies = {
        {"disallow-privileged-containers", "baseline", "Enforce"},
        {"restrict-image-registries", "registries", "Enforce"},
        {"require-run-as-nonroot", "restricted", "Audit"},
        {"disallow-host-namespaces", "baseline", "Enforce"},
        {"require-resource-limits", "limits", "Audit"},
        {"disallow-latest-tag", "latest", "Audit"}};
    for (int i = 0; i < plan.clusterWide().kyvernoPolicies(); i++) {
      String[] p = policies[i % policies.length];
      ObjectNode validate = switch (p[1]) {
        case "baseline", "restricted" -> obj("podSecurity", obj("level", p[1], "version", "latest"));
        case "registries" -> obj("message", "images must come from the company registry",
            "pattern", obj("spec", obj("containers", arr(obj("image", "registry.payments.example.com/*")))));
        case "limits" -> obj("message", "CPU and memory limits are required",
            "pattern", obj("spec", obj("containers", arr(obj("resources", obj("limits", obj("cpu", "?*",
                "memory", "?*")))))));
        default -> obj("message", "the :latest tag is not allowed",
            "pattern", obj("spec", obj("containers", arr(obj("image", "!*:latest")))));
      };
      out.accept(object("kyverno.io/v1", "ClusterPolicy",
          metadata("ClusterPolicy", null, p[0] + (i >= policies.length ? "-" + i : ""), null,
              Map.of("policies.kyverno.io/category", "Pod Security", "policies.kyverno.io/severity", "high"), null),
          "spec", obj("background", true, "rules", arr(obj("match", obj("any", arr(obj("resources",
                  obj("kinds", arr("Pod"))))), "name", p[0], "validate", validate)),
              "validationFailureAction", p[2]),
          "status", obj("ready", true, "rulecount", obj("generate", 0, "mutate", 0, "validate", 1))));
    }
  }

  private static final String[] CONSTRAINT_KINDS = {"K8sAllowedRepos", "K8sRequiredLabels", "K8sPSPPrivilegedContainer",
      "K8sBlockNodePort"};

  private void constraintTemplates(Consumer<ObjectNode> out) {
    for (int i = 0; i < plan.clusterWide().constraintTemplates(); i++) {
      String kind = CONSTRAINT_KINDS[i % CONSTRAINT_KINDS.length] + (i >= CONSTRAINT_KINDS.length ? "V" + i : "");
      out.accept(object("templates.gatekeeper.sh/v1", "ConstraintTemplate",
          metadata("ConstraintTemplate", null, kind.toLowerCase(java.util.Locale.ROOT), null, null, null),
          "spec", obj("crd", obj("spec", obj("names", obj("kind", kind))),
              "targets", arr(obj("rego", "package " + kind.toLowerCase(java.util.Locale.ROOT)
                  + "\n\nviolation[{\"msg\": msg}] {\n  container := input.review.object.spec.containers[_]\n"
                  + "  not startswith(container.image, input.parameters.repos[_])\n"
                  + "  msg := sprintf(\"container <%v> has an invalid image repo <%v>\",\n"
                  + "    [container.name, container.image])\n}\n",
                  "target", "admission.k8s.gatekeeper.sh"))),
          "status", obj("created", true)));
    }
  }

  private void constraints(Consumer<ObjectNode> out) {
    for (int i = 0; i < plan.clusterWide().constraintTemplates(); i++) {
      String kind = CONSTRAINT_KINDS[i % CONSTRAINT_KINDS.length] + (i >= CONSTRAINT_KINDS.length ? "V" + i : "");
      out.accept(object("constraints.gatekeeper.sh/v1beta1", kind,
          metadata(kind, null, "cluster-" + kind.toLowerCase(java.util.Locale.ROOT), null, null, null),
          "spec", obj("enforcementAction", i % 2 == 0 ? "deny" : "dryrun",
              "match", obj("kinds", arr(obj("apiGroups", arr(""), "kinds", arr("Pod")))),
              "parameters", obj("repos", arr("registry.payments.example.com/"))),
          "status", obj("totalViolations", i * 3)));
    }
  }

  private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\n"
      + "MIIDBTCCAe2gAwIBAgIIWsynthetic0wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n"
      + "AxMKa3ViZXJuZXRlczAeFw0yNDA5MDMwODA3NThaFw0zNDA5MDEwODEyNThaMBUx\n"
      + "EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n"
      + "-----END CERTIFICATE-----\n";
}
