package dev.kubepci.collect;

import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.model.Coverage;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the namespaced objects of files that name no namespace in the namespace {@code kubectl apply -n} would: the
 * one the user gives, {@code default} otherwise. Manifests of application repositories and {@code helm template}
 * output usually carry none, and the namespace-level rules (network policies, quotas, admission, RBAC) could not
 * see them otherwise. Each such object's provenance records the namespace as assumed, so that the evidence says so.
 *
 * <p>Cluster-scoped kinds keep no namespace. Whether a kind is namespaced comes from the built-in kinds, then from a
 * CustomResourceDefinition in the same input; a custom kind known from neither is left as read, because guessing
 * its scope could invent a namespace the API server would not give it.
 */
public final class DefaultNamespace {
  /** What kubectl uses when neither the object nor the command line names a namespace. */
  public static final String DEFAULT = "default";

  /** Built-in cluster-scoped kinds that the table of kinds the rules read does not list. */
  private static final Set<String> CLUSTER_SCOPED = Set.of(
      "ComponentStatus", "APIService", "CSINode", "VolumeAttachment", "VolumeAttributesClass", "FlowSchema",
      "PriorityLevelConfiguration", "ClusterTrustBundle", "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
      "IPAddress", "ServiceCIDR", "TokenReview", "SelfSubjectReview", "SubjectAccessReview",
      "SelfSubjectAccessReview", "SelfSubjectRulesReview", "DeviceClass", "ResourceSlice", "StorageVersion",
      "StorageVersionMigration");
  /** Built-in namespaced kinds that the table of kinds the rules read does not list. */
  private static final Set<String> NAMESPACED = Set.of(
      "Binding", "LocalSubjectAccessReview", "CSIStorageCapacity", "ResourceClaim", "ResourceClaimTemplate",
      "PodSchedulingContext", "Eviction", "PodTemplate");
  /** Custom groups whose every kind is cluster-scoped (Gatekeeper constraints and mutators). */
  private static final Set<String> CLUSTER_SCOPED_GROUPS = Set.of(
      "constraints.gatekeeper.sh", "mutations.gatekeeper.sh", "expansion.gatekeeper.sh");

  private DefaultNamespace() {}

  /**
   * The resources with every namespaced object that names no namespace put in {@code namespace}; the others as
   * they were, in the same order.
   */
  public static List<Resource> apply(List<Resource> resources, String namespace) {
    String ns = namespace == null || namespace.isBlank() ? DEFAULT : namespace;
    Map<String, Boolean> customScopes = customScopes(resources);
    List<Resource> placed = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      boolean namespaced = r.namespace() == null && r.provenance().isFile()
          && isNamespaced(r.group(), r.kind(), customScopes).orElse(false);
      placed.add(namespaced ? r.withAssumedNamespace(ns) : r);
    }
    return placed;
  }

  /**
   * Whether objects of {@code kind} in API group {@code group} ("" for core) live in a namespace; empty when the
   * kind is neither built in nor declared by a CustomResourceDefinition of the input.
   */
  static Optional<Boolean> isNamespaced(String group, String kind, Map<String, Boolean> customScopes) {
    if (kind == null || group.equals(Coverage.EVIDENCE_GROUP) || isConfigurationFile(group)) {
      return Optional.of(false);
    }
    if (KnownResources.isBuiltInGroup(group) || "extensions".equals(group)) {
      if (CLUSTER_SCOPED.contains(kind)) {
        return Optional.of(false);
      }
      if (NAMESPACED.contains(kind)) {
        return Optional.of(true);
      }
      // old API versions (extensions/v1beta1 Ingress, apps/v1beta2 Deployment) have the scope of the kind today
      Optional<KnownResources.Known> known = KnownResources.forRead(kind);
      if (known.isPresent() && KnownResources.isBuiltInGroup(known.get().group())) {
        return Optional.of(known.get().namespaced());
      }
    }
    Boolean declared = customScopes.get(group + "/" + kind);
    if (declared != null) {
      return Optional.of(declared);
    }
    if (CLUSTER_SCOPED_GROUPS.contains(group)) {
      return Optional.of(false);
    }
    return KnownResources.forRead(group + "/" + kind).map(KnownResources.Known::namespaced);
  }

  private static boolean isConfigurationFile(String group) {
    return group.endsWith(".config.k8s.io") || group.equals("audit.k8s.io") || group.equals("apiserver.k8s.io")
        || ManifestReader.CONFIGURATION_KINDS.stream().anyMatch(k -> k.startsWith(group + "/"));
  }

  /** {@code group/Kind} to namespaced, from the CustomResourceDefinitions of the input (v1 and v1beta1). */
  private static Map<String, Boolean> customScopes(List<Resource> resources) {
    Map<String, Boolean> scopes = new HashMap<>();
    for (Resource r : resources) {
      if (!r.is("apiextensions.k8s.io", "CustomResourceDefinition")) {
        continue;
      }
      r.as(io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition.class)
          .map(crd -> crd.getSpec())
          .filter(spec -> spec != null && spec.getNames() != null)
          .ifPresent(spec -> declare(scopes, spec.getGroup(), spec.getNames().getKind(), spec.getScope()));
      r.as(io.fabric8.kubernetes.api.model.apiextensions.v1beta1.CustomResourceDefinition.class)
          .map(crd -> crd.getSpec())
          .filter(spec -> spec != null && spec.getNames() != null)
          .ifPresent(spec -> declare(scopes, spec.getGroup(), spec.getNames().getKind(), spec.getScope()));
      if (r.isGeneric()) {
        declare(scopes, r.string("spec", "group").orElse(null), r.string("spec", "names", "kind").orElse(null),
            r.string("spec", "scope").orElse(null));
      }
    }
    return scopes;
  }

  private static void declare(Map<String, Boolean> scopes, String group, String kind, String scope) {
    if (group != null && kind != null && scope != null) {
      scopes.put(group + "/" + kind, "Namespaced".equals(scope));
    }
  }
}
