package dev.kubepci.cli;

import dev.kubepci.collect.cluster.ClusterException;
import dev.kubepci.collect.cluster.ClusterTarget;
import dev.kubepci.collect.cluster.CollectionOptions;
import dev.kubepci.result.ExitCode;
import dev.kubepci.scan.ClusterConnection;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which cluster to read and how hard to press it; shared by {@code scan} (live) and {@code collect}. */
public final class ClusterConnectionOptions {
  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "kubeconfig to use. Default: $KUBECONFIG, then ~/.kube/config, then the pod's service account.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context to use. Default: the current one.")
  String context;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "500",
      description = "Objects per LIST request (limit/continue paging). Default: ${DEFAULT-VALUE}.")
  int pageSize;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
      description = "Kinds listed at the same time. Default: ${DEFAULT-VALUE}.")
  int parallel;

  @Option(names = "--qps", paramLabel = "N", defaultValue = "20",
      description = "Requests per second at most (0: no limit). Default: ${DEFAULT-VALUE}.")
  double qps;

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Seconds one request may take. Default: ${DEFAULT-VALUE}.")
  int requestTimeout;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "Further attempts after a timeout, connection error, 429 or 5xx. Default: ${DEFAULT-VALUE}.")
  int retries;

  /** The collection limits; a value out of range is a usage error. */
  CollectionOptions collectionOptions() {
    if (requestTimeout < 1) {
      throw new UserException(ExitCode.USAGE, "--request-timeout must be at least 1 second");
    }
    try {
      return new CollectionOptions(pageSize, parallel, qps, Duration.ofSeconds(requestTimeout), retries,
          CollectionOptions.DEFAULTS.retryBackoff());
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }

  /** The cluster of the kubeconfig or the pod; no configuration or an unknown context is a usage error. */
  ClusterTarget target(Environment env) {
    try {
      return ClusterTarget.resolve(kubeconfig, context, env.env());
    } catch (ClusterException e) {
      throw new UserException(ExitCode.USAGE, e.getMessage());
    }
  }

  /** The cluster to scan live, resolved only if the scan is live. */
  ClusterConnection connection(Environment env) {
    return new ClusterConnection() {
      @Override
      public ClusterTarget target() {
        return ClusterConnectionOptions.this.target(env);
      }

      @Override
      public CollectionOptions options() {
        return collectionOptions();
      }

      @Override
      public boolean named() {
        return given();
      }
    };
  }

  /** True when the user named a cluster explicitly. */
  boolean given() {
    return kubeconfig != null || context != null;
  }
}
