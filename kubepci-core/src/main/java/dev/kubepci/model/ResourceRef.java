package dev.kubepci.model;

import java.util.Comparator;

/**
 * The identity of one Kubernetes object, as a finding names it.
 *
 * @param namespace null for cluster-scoped objects
 * @param uid null unless read from a cluster
 * @param resourceVersion null unless read from a cluster
 */
public record ResourceRef(
    String apiVersion, String kind, String namespace, String name, String uid, String resourceVersion) {

  public static final Comparator<ResourceRef> ORDER =
      Comparator.comparing((ResourceRef r) -> nullToEmpty(r.namespace()))
          .thenComparing(r -> nullToEmpty(r.kind()))
          .thenComparing(r -> nullToEmpty(r.name()))
          .thenComparing(r -> nullToEmpty(r.apiVersion()));

  public static ResourceRef of(String apiVersion, String kind, String namespace, String name) {
    return new ResourceRef(apiVersion, kind, emptyToNull(namespace), name, null, null);
  }

  /** {@code Kind/namespace/name} or {@code Kind/name}: the logical location used in reports. */
  public String displayName() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** The API group of {@link #apiVersion()}, empty for the core group. */
  public String group() {
    if (apiVersion == null) {
      return "";
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return displayName();
  }
}
