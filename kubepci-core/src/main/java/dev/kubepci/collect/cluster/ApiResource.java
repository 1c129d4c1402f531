package dev.kubepci.collect.cluster;

import java.util.List;

/**
 * A resource the API server lists, as discovery described it.
 *
 * @param group "" for the core group
 */
record ApiResource(String group, String version, String resource, String kind, boolean namespaced,
    List<String> verbs) {

  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The collection URL across all namespaces. */
  String listPath() {
    return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + version + "/" + resource;
  }

  boolean isSecrets() {
    return group.isEmpty() && "secrets".equals(resource);
  }
}
