package dev.kubepci.rbac;

import java.util.Objects;

/**
 * A request as the authorizer sees it: a verb on a resource (API group, resource, optional subresource and name)
 * in a namespace, or a verb on a non-resource URL such as {@code /metrics}.
 *
 * @param namespace the namespace of a namespaced request; null for cluster-scoped resources and non-resource URLs
 * @param allNamespaces true to ask about a namespaced resource in any namespace (who-can without {@code -n})
 * @param name the object name, null for requests without one (list, watch, create without a name)
 * @param path the non-resource URL, null for resource requests
 */
public record AccessRequest(String verb, String apiGroup, String resource, String subresource, String namespace,
    boolean allNamespaces, String name, String path) {

  public AccessRequest {
    Objects.requireNonNull(verb, "verb");
    apiGroup = apiGroup == null ? "" : apiGroup;
    subresource = subresource == null || subresource.isEmpty() ? null : subresource;
    namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    name = name == null || name.isEmpty() ? null : name;
    if (resource == null && path == null) {
      throw new IllegalArgumentException("a request names a resource or a non-resource URL");
    }
  }

  /** A request on a namespaced resource in {@code namespace}. */
  public static AccessRequest namespaced(String verb, String apiGroup, String resource, String subresource,
      String namespace, String name) {
    return new AccessRequest(verb, apiGroup, resource, subresource, Objects.requireNonNull(namespace, "namespace"),
        false, name, null);
  }

  /** A request on a namespaced resource in any namespace. */
  public static AccessRequest inAnyNamespace(String verb, String apiGroup, String resource, String subresource,
      String name) {
    return new AccessRequest(verb, apiGroup, resource, subresource, null, true, name, null);
  }

  /** A request on a cluster-scoped resource (nodes, namespaces, clusterroles ...). */
  public static AccessRequest clusterScoped(String verb, String apiGroup, String resource, String subresource,
      String name) {
    return new AccessRequest(verb, apiGroup, resource, subresource, null, false, name, null);
  }

  /** A request on a non-resource URL such as {@code /healthz} or {@code /metrics}. */
  public static AccessRequest nonResource(String verb, String path) {
    return new AccessRequest(verb, "", null, null, null, false, null, Objects.requireNonNull(path, "path"));
  }

  public boolean isResourceRequest() {
    return path == null;
  }

  /** True when RoleBindings can grant this request: a namespaced resource request. */
  public boolean isNamespaced() {
    return isResourceRequest() && (namespace != null || allNamespaces);
  }

  /** {@code pods/exec} or {@code pods}. */
  public String combinedResource() {
    return subresource == null ? resource : resource + "/" + subresource;
  }

  /** For people: {@code create pods/exec in namespace shop}, {@code get /metrics}. */
  public String describe() {
    if (!isResourceRequest()) {
      return verb + " " + path;
    }
    StringBuilder sb = new StringBuilder(verb).append(' ').append(combinedResource());
    if (!apiGroup.isEmpty()) {
      sb.append(" (").append(apiGroup).append(')');
    }
    if (name != null) {
      sb.append(" named ").append(name);
    }
    if (namespace != null) {
      sb.append(" in namespace ").append(namespace);
    } else if (allNamespaces) {
      sb.append(" in any namespace");
    } else {
      sb.append(" (cluster-scoped)");
    }
    return sb.toString();
  }
}
