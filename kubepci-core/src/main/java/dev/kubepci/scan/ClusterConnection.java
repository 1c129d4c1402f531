package dev.kubepci.scan;

import dev.kubepci.collect.cluster.ClusterTarget;
import dev.kubepci.collect.cluster.CollectionOptions;

/**
 * How a live scan reaches its cluster, as the front end was told: asked only when the scan is live, so that an
 * offline scan never resolves a kubeconfig.
 */
public interface ClusterConnection {
  /** The cluster to read and the credentials to read it with. */
  ClusterTarget target();

  /** How hard to press the API server. */
  CollectionOptions options();

  /** True when the user named the cluster explicitly: an offline scan then refuses it rather than ignore it. */
  default boolean named() {
    return false;
  }

  /** A connection to {@code target}, named explicitly or not. */
  static ClusterConnection of(ClusterTarget target, CollectionOptions options, boolean named) {
    return new ClusterConnection() {
      @Override
      public ClusterTarget target() {
        return target;
      }

      @Override
      public CollectionOptions options() {
        return options;
      }

      @Override
      public boolean named() {
        return named;
      }
    };
  }
}
