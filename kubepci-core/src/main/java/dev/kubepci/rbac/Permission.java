package dev.kubepci.rbac;

import java.util.Objects;

/**
 * A verb on a kind of resource, without object name or namespace: what risk checks look for ("create pods/exec").
 *
 * @param clusterScoped true for resources that only ClusterRoleBindings can grant (nodes, clusterroles ...)
 */
public record Permission(String verb, String apiGroup, String resource, String subresource, boolean clusterScoped) {
  public Permission {
    Objects.requireNonNull(verb, "verb");
    apiGroup = apiGroup == null ? "" : apiGroup;
    Objects.requireNonNull(resource, "resource");
    subresource = subresource == null || subresource.isEmpty() ? null : subresource;
  }

  /** A permission on a built-in resource, its scope taken from {@link KnownResources}. */
  public static Permission of(String verb, String apiGroup, String resource, String subresource) {
    return new Permission(verb, apiGroup, resource, subresource, KnownResources.isClusterScoped(apiGroup, resource));
  }

  /** {@code pods/exec}: the resource as RBAC rules write it, without the group. */
  public String resourceName() {
    return subresource == null ? resource : resource + "/" + subresource;
  }

  /** {@code create pods/exec}, {@code create deployments.apps}. */
  public String describe() {
    String r = subresource == null ? resource : resource + "/" + subresource;
    if (!apiGroup.isEmpty()) {
      int slash = r.indexOf('/');
      r = slash < 0 ? r + "." + apiGroup : r.substring(0, slash) + "." + apiGroup + r.substring(slash);
    }
    return verb + " " + r;
  }
}
