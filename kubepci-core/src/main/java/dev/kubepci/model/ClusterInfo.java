package dev.kubepci.model;

/**
 * What is known of the cluster as a whole: its name or API server, its Kubernetes version and the managed
 * provider when one is recognised. Unknown fields are null.
 */
public record ClusterInfo(String name, String server, String gitVersion, String provider) {
  public static final ClusterInfo UNKNOWN = new ClusterInfo(null, null, null, null);

  public ClusterInfo {
    server = ServerUrl.redact(server);
  }
}
