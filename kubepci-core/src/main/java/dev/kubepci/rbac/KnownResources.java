package dev.kubepci.rbac;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in resources RBAC rules name, with their API group and whether they are namespaced. RoleBindings cannot
 * grant cluster-scoped resources, so the scope decides which bindings count. Also the pseudo-resources of virtual
 * verbs: {@code users}, {@code groups} and {@code uids} for impersonate, {@code signers} for approve.
 */
public final class KnownResources {
  /** A resource type: API group ("" for core), plural name, and scope. */
  public record ResourceType(String group, String resource, boolean namespaced) {
    /** {@code deployments.apps} or {@code pods}: how kubectl names it. */
    public String qualified() {
      return group.isEmpty() ? resource : resource + "." + group;
    }
  }

  /** By plural name; the first entry of a name is the group kubectl picks for it. */
  private static final Map<String, List<ResourceType>> BY_NAME = new LinkedHashMap<>();

  static {
    namespaced("", "pods", "services", "secrets", "configmaps", "serviceaccounts", "endpoints", "events",
        "persistentvolumeclaims", "replicationcontrollers", "podtemplates", "limitranges", "resourcequotas",
        "bindings");
    cluster("", "nodes", "namespaces", "persistentvolumes", "componentstatuses", "users", "groups");
    namespaced("apps", "deployments", "replicasets", "statefulsets", "daemonsets", "controllerrevisions");
    namespaced("batch", "jobs", "cronjobs");
    namespaced("autoscaling", "horizontalpodautoscalers");
    namespaced("policy", "poddisruptionbudgets");
    namespaced("rbac.authorization.k8s.io", "roles", "rolebindings");
    cluster("rbac.authorization.k8s.io", "clusterroles", "clusterrolebindings");
    namespaced("networking.k8s.io", "networkpolicies", "ingresses");
    cluster("networking.k8s.io", "ingressclasses", "ipaddresses", "servicecidrs");
    namespaced("coordination.k8s.io", "leases");
    namespaced("discovery.k8s.io", "endpointslices");
    namespaced("events.k8s.io", "events");
    cluster("certificates.k8s.io", "certificatesigningrequests", "signers", "clustertrustbundles");
    cluster("admissionregistration.k8s.io", "validatingwebhookconfigurations", "mutatingwebhookconfigurations",
        "validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies",
        "mutatingadmissionpolicybindings");
    cluster("apiextensions.k8s.io", "customresourcedefinitions");
    cluster("apiregistration.k8s.io", "apiservices");
    cluster("storage.k8s.io", "storageclasses", "csidrivers", "csinodes", "volumeattachments",
        "volumeattributesclasses");
    namespaced("storage.k8s.io", "csistoragecapacities");
    cluster("scheduling.k8s.io", "priorityclasses");
    cluster("node.k8s.io", "runtimeclasses");
    cluster("authentication.k8s.io", "tokenreviews", "selfsubjectreviews", "uids", "userextras");
    cluster("authorization.k8s.io", "subjectaccessreviews", "selfsubjectaccessreviews", "selfsubjectrulesreviews");
    namespaced("authorization.k8s.io", "localsubjectaccessreviews");
    cluster("flowcontrol.apiserver.k8s.io", "flowschemas", "prioritylevelconfigurations");
    namespaced("extensions", "deployments", "replicasets", "daemonsets", "ingresses", "networkpolicies");
  }

  private KnownResources() {}

  private static void namespaced(String group, String... names) {
    for (String n : names) {
      BY_NAME.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(new ResourceType(group, n, true));
    }
  }

  private static void cluster(String group, String... names) {
    for (String n : names) {
      BY_NAME.computeIfAbsent(n, k -> new java.util.ArrayList<>()).add(new ResourceType(group, n, false));
    }
  }

  /** The resource type of {@code resource} in {@code group}, when it is built in. */
  public static Optional<ResourceType> lookup(String group, String resource) {
    String g = group == null ? "" : group;
    for (ResourceType t : BY_NAME.getOrDefault(resource, List.of())) {
      if (t.group().equals(g)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The built-in resource kubectl means by a bare plural name ({@code deployments} is in group apps). */
  public static Optional<ResourceType> lookup(String resource) {
    List<ResourceType> types = BY_NAME.get(resource);
    return types == null ? Optional.empty() : Optional.of(types.get(0));
  }

  /** True for built-in cluster-scoped resources; unknown resources count as namespaced. */
  public static boolean isClusterScoped(String group, String resource) {
    return lookup(group, resource).map(t -> !t.namespaced()).orElse(false);
  }
}
