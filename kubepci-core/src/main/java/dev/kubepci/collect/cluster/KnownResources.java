package dev.kubepci.collect.cluster;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API resources of the kinds kubepci rules read, as Kubernetes and the common add-ons serve them. A live
 * collection always asks the cluster's discovery for the real versions; this table settles which group a plain
 * kind name ({@code Deployment}) means, names the resource for the ClusterRole kubepci needs, and lets tests serve
 * a realistic discovery.
 */
public final class KnownResources {
  /**
   * One resource.
   *
   * @param group "" for the core group
   * @param resource the plural resource name in URLs and RBAC rules
   */
  public record Known(String group, String version, String kind, String resource, boolean namespaced) {
    /** {@code apps/v1}, or {@code v1} for the core group. */
    public String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code Deployment} for built-in groups, {@code kyverno.io/ClusterPolicy} for add-ons: how rules name it. */
    public String readName() {
      return isBuiltInGroup(group) ? kind : group + "/" + kind;
    }
  }

  /** Configuration-file kinds: read from files, never served by the API. */
  private static final Set<String> CONFIG_FILE_GROUPS = Set.of(
      "kubelet.config.k8s.io", "apiserver.config.k8s.io", "audit.k8s.io", "kubescheduler.config.k8s.io",
      "kubeproxy.config.k8s.io", "kubecontrollermanager.config.k8s.io", "apiserver.k8s.io",
      // kubepci's own evidence objects, read from kubeconfig files given with --kubeconfig-file
      "kubepci.dev");
  private static final Set<String> CONFIG_FILE_KINDS = Set.of(
      "KubeletConfiguration", "EncryptionConfiguration", "AdmissionConfiguration", "KubeSchedulerConfiguration",
      "KubeProxyConfiguration", "KubeControllerManagerConfiguration", "AuthenticationConfiguration",
      "AuthorizationConfiguration", "TracingConfiguration", "Config");

  private static final List<Known> ALL = List.of(
      // core
      core("ConfigMap", "configmaps", true),
      core("Endpoints", "endpoints", true),
      core("Event", "events", true),
      core("LimitRange", "limitranges", true),
      core("Namespace", "namespaces", false),
      core("Node", "nodes", false),
      core("PersistentVolume", "persistentvolumes", false),
      core("PersistentVolumeClaim", "persistentvolumeclaims", true),
      core("Pod", "pods", true),
      core("PodTemplate", "podtemplates", true),
      core("ReplicationController", "replicationcontrollers", true),
      core("ResourceQuota", "resourcequotas", true),
      core("Secret", "secrets", true),
      core("Service", "services", true),
      core("ServiceAccount", "serviceaccounts", true),
      // built-in groups
      new Known("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration",
          "mutatingwebhookconfigurations", false),
      new Known("admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicy", "validatingadmissionpolicies",
          false),
      new Known("admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicyBinding",
          "validatingadmissionpolicybindings", false),
      new Known("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration",
          "validatingwebhookconfigurations", false),
      new Known("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false),
      new Known("apps", "v1", "ControllerRevision", "controllerrevisions", true),
      new Known("apps", "v1", "DaemonSet", "daemonsets", true),
      new Known("apps", "v1", "Deployment", "deployments", true),
      new Known("apps", "v1", "ReplicaSet", "replicasets", true),
      new Known("apps", "v1", "StatefulSet", "statefulsets", true),
      new Known("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
      new Known("batch", "v1", "CronJob", "cronjobs", true),
      new Known("batch", "v1", "Job", "jobs", true),
      new Known("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", false),
      new Known("networking.k8s.io", "v1", "Ingress", "ingresses", true),
      new Known("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
      new Known("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
      new Known("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", false),
      new Known("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
      new Known("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
      new Known("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
      new Known("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
      new Known("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
      new Known("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false),
      new Known("storage.k8s.io", "v1", "CSIDriver", "csidrivers", false),
      new Known("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
      // add-ons
      new Known("argoproj.io", "v1alpha1", "Application", "applications", true),
      new Known("aquasecurity.github.io", "v1alpha1", "ClusterComplianceReport", "clustercompliancereports", false),
      new Known("aquasecurity.github.io", "v1alpha1", "ClusterConfigAuditReport", "clusterconfigauditreports", false),
      new Known("aquasecurity.github.io", "v1alpha1", "ClusterRbacAssessmentReport", "clusterrbacassessmentreports",
          false),
      new Known("aquasecurity.github.io", "v1alpha1", "ClusterVulnerabilityReport", "clustervulnerabilityreports",
          false),
      new Known("aquasecurity.github.io", "v1alpha1", "ConfigAuditReport", "configauditreports", true),
      new Known("aquasecurity.github.io", "v1alpha1", "ExposedSecretReport", "exposedsecretreports", true),
      new Known("aquasecurity.github.io", "v1alpha1", "InfraAssessmentReport", "infraassessmentreports", true),
      new Known("aquasecurity.github.io", "v1alpha1", "RbacAssessmentReport", "rbacassessmentreports", true),
      new Known("aquasecurity.github.io", "v1alpha1", "SbomReport", "sbomreports", true),
      new Known("aquasecurity.github.io", "v1alpha1", "VulnerabilityReport", "vulnerabilityreports", true),
      new Known("bitnami.com", "v1alpha1", "SealedSecret", "sealedsecrets", true),
      new Known("cert-manager.io", "v1", "Certificate", "certificates", true),
      new Known("cert-manager.io", "v1", "ClusterIssuer", "clusterissuers", false),
      new Known("cert-manager.io", "v1", "Issuer", "issuers", true),
      new Known("config.gatekeeper.sh", "v1alpha1", "Config", "configs", true),
      new Known("cilium.io", "v2", "CiliumClusterwideNetworkPolicy", "ciliumclusterwidenetworkpolicies", false),
      new Known("cilium.io", "v2", "CiliumNetworkPolicy", "ciliumnetworkpolicies", true),
      new Known("cilium.io", "v1alpha1", "TracingPolicy", "tracingpolicies", false),
      new Known("crd.projectcalico.org", "v1", "GlobalNetworkPolicy", "globalnetworkpolicies", false),
      new Known("crd.projectcalico.org", "v1", "IPPool", "ippools", false),
      new Known("crd.projectcalico.org", "v1", "NetworkPolicy", "networkpolicies", true),
      new Known("crd.projectcalico.org", "v1", "Tier", "tiers", false),
      new Known("external-secrets.io", "v1beta1", "ClusterSecretStore", "clustersecretstores", false),
      new Known("external-secrets.io", "v1beta1", "ExternalSecret", "externalsecrets", true),
      new Known("external-secrets.io", "v1beta1", "SecretStore", "secretstores", true),
      new Known("gateway.networking.k8s.io", "v1", "Gateway", "gateways", true),
      new Known("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true),
      new Known("helm.toolkit.fluxcd.io", "v2", "HelmRelease", "helmreleases", true),
      new Known("kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations", true),
      new Known("kyverno.io", "v1", "ClusterPolicy", "clusterpolicies", false),
      new Known("kyverno.io", "v1", "Policy", "policies", true),
      new Known("kyverno.io", "v2", "PolicyException", "policyexceptions", true),
      new Known("policies.kubewarden.io", "v1", "AdmissionPolicy", "admissionpolicies", true),
      new Known("policies.kubewarden.io", "v1", "AdmissionPolicyGroup", "admissionpolicygroups", true),
      new Known("policies.kubewarden.io", "v1", "ClusterAdmissionPolicy", "clusteradmissionpolicies", false),
      new Known("policies.kubewarden.io", "v1", "ClusterAdmissionPolicyGroup", "clusteradmissionpolicygroups",
          false),
      new Known("policy.jspolicy.com", "v1beta1", "JsPolicy", "jspolicies", false),
      new Known("policy.sigstore.dev", "v1beta1", "ClusterImagePolicy", "clusterimagepolicies", false),
      new Known("projectcalico.org", "v3", "GlobalNetworkPolicy", "globalnetworkpolicies", false),
      new Known("projectcalico.org", "v3", "NetworkPolicy", "networkpolicies", true),
      new Known("secrets-store.csi.x-k8s.io", "v1", "SecretProviderClass", "secretproviderclasses", true),
      new Known("secrets.hashicorp.com", "v1beta1", "VaultDynamicSecret", "vaultdynamicsecrets", true),
      new Known("secrets.hashicorp.com", "v1beta1", "VaultPKISecret", "vaultpkisecrets", true),
      new Known("secrets.hashicorp.com", "v1beta1", "VaultStaticSecret", "vaultstaticsecrets", true),
      new Known("security.istio.io", "v1", "AuthorizationPolicy", "authorizationpolicies", true),
      new Known("security.istio.io", "v1", "PeerAuthentication", "peerauthentications", true),
      new Known("security.openshift.io", "v1", "SecurityContextConstraints", "securitycontextconstraints", false),
      new Known("templates.gatekeeper.sh", "v1", "ConstraintTemplate", "constrainttemplates", false),
      new Known("wgpolicyk8s.io", "v1alpha2", "ClusterPolicyReport", "clusterpolicyreports", false),
      new Known("wgpolicyk8s.io", "v1alpha2", "PolicyReport", "policyreports", true));

  private static final Map<String, Known> BY_READ_NAME = index();

  private KnownResources() {}

  private static Known core(String kind, String resource, boolean namespaced) {
    return new Known("", "v1", kind, resource, namespaced);
  }

  private static Map<String, Known> index() {
    Map<String, Known> map = new TreeMap<>();
    for (Known k : ALL) {
      map.put(k.group() + "/" + k.kind(), k);
      if (isBuiltInGroup(k.group())) {
        map.putIfAbsent(k.kind(), k);
      }
    }
    return map;
  }

  /** Every known resource, sorted by group then kind. */
  public static List<Known> all() {
    return ALL.stream().sorted(Comparator.comparing(Known::group).thenComparing(Known::kind)).toList();
  }

  /** The resource a rule's read names: {@code Deployment}, {@code kyverno.io/ClusterPolicy}. */
  public static Optional<Known> forRead(String read) {
    KindRequest request = KindRequest.parse(read);
    return Optional.ofNullable(BY_READ_NAME.get(request.group() == null ? request.kind()
        : request.group() + "/" + request.kind()));
  }

  /**
   * True for groups Kubernetes itself serves: the core group, unqualified names ({@code apps}, {@code batch},
   * {@code policy}) and {@code *.k8s.io}. Plain kind names in rules refer to these.
   */
  public static boolean isBuiltInGroup(String group) {
    return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
  }

  /** True when {@code request} names a configuration-file kind that no API server serves. */
  public static boolean isConfigFile(KindRequest request) {
    if (request.group() != null) {
      return CONFIG_FILE_GROUPS.contains(request.group());
    }
    return CONFIG_FILE_KINDS.contains(request.kind());
  }

  /** The kinds of {@code reads} that the table does not know, sorted; a ClusterRole cannot name them. */
  public static List<String> unknown(Collection<String> reads) {
    return reads.stream()
        .filter(r -> !KindRequest.parse(r).isWildcard())
        .filter(r -> !isConfigFile(KindRequest.parse(r)))
        .filter(r -> forRead(r).isEmpty())
        .sorted().distinct().toList();
  }
}
