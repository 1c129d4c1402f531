package dev.kubepci.collect.cluster;

import dev.kubepci.model.EvidenceText;
import dev.kubepci.model.ServerUrl;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Which cluster to read and how to authenticate, resolved as kubectl does: {@code --kubeconfig}, else the
 * {@code KUBECONFIG} variable, else {@code ~/.kube/config}, else the service account of the pod kubepci runs in.
 * Authentication (tokens, client certificates, exec plugins such as {@code aws eks get-token}) is fabric8's.
 *
 * @param name the kubeconfig cluster name, or {@code in-cluster}
 * @param context the context used, null in a pod
 */
public record ClusterTarget(Config config, String name, String context, String server) {
  /** The variable naming the pod's API server; set by the kubelet in every container. */
  public static final String SERVICE_HOST = "KUBERNETES_SERVICE_HOST";

  /**
   * @param kubeconfig an explicit kubeconfig file, or null
   * @param context a context of the kubeconfig, or null for its current context
   * @param env the process environment (KUBECONFIG, HOME, KUBERNETES_SERVICE_HOST)
   * @throws ClusterException when no cluster is configured, the file is unreadable or the context does not exist
   */
  public static ClusterTarget resolve(Path kubeconfig, String context, Map<String, String> env) {
    Path file = kubeconfig;
    if (file == null) {
      file = fromEnvironment(env);
    } else if (!Files.isRegularFile(file)) {
      throw new ClusterException("kubeconfig " + kubeconfig + (Files.exists(file) ? " is not a regular file"
          : " does not exist"));
    }
    if (file != null) {
      return fromKubeconfig(file, context);
    }
    if (env.get(SERVICE_HOST) != null) {
      if (context != null) {
        throw new ClusterException("--context " + context + " was given but there is no kubeconfig; in a pod kubepci "
            + "uses its service account");
      }
      Config config = Config.autoConfigure(null);
      return new ClusterTarget(config, "in-cluster", null, trimSlash(config.getMasterUrl()));
    }
    throw new ClusterException("no cluster configured: no kubeconfig (--kubeconfig, KUBECONFIG or ~/.kube/config) and "
        + "not running in a pod; to assess files or a snapshot instead, name them: kubepci scan PATH");
  }

  private static Path fromEnvironment(Map<String, String> env) {
    String list = env.get("KUBECONFIG");
    if (list != null && !list.isBlank()) {
      for (String part : list.split(File.pathSeparator)) {
        if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
          return Path.of(part);
        }
      }
      throw new ClusterException("KUBECONFIG names no existing file: " + list);
    }
    String home = env.get("HOME");
    if (home != null) {
      Path p = Path.of(home, ".kube", "config");
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static ClusterTarget fromKubeconfig(Path file, String context) {
    Config config;
    try {
      config = Config.fromKubeconfig(context, file.toFile());
    } catch (RuntimeException e) {
      // fabric8 hands on what its YAML parser throws for a file that is not YAML (or not text) at all
      throw new ClusterException("cannot use kubeconfig " + file + ": " + describe(e));
    }
    List<NamedContext> contexts = config.getContexts() == null ? List.of() : config.getContexts();
    if (context != null && contexts.stream().noneMatch(c -> context.equals(c.getName()))) {
      throw new ClusterException("context " + context + " is not in " + file + " (it has: "
          + String.join(", ", contexts.stream().map(NamedContext::getName).sorted().toList()) + ")");
    }
    NamedContext current = config.getCurrentContext();
    if (current == null || config.getMasterUrl() == null) {
      throw new ClusterException("kubeconfig " + file + " has no current context; pass --context NAME");
    }
    String cluster = current.getContext() == null ? null : current.getContext().getCluster();
    return new ClusterTarget(config, cluster, current.getName(), trimSlash(config.getMasterUrl()));
  }

  private static String trimSlash(String url) {
    return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String describe(RuntimeException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException m
          && m.getProblemMark().isPresent()) {
        return "not valid YAML: " + firstLine(m.getProblem()) + " (line " + (m.getProblemMark().get().getLine() + 1)
            + ", column " + (m.getProblemMark().get().getColumn() + 1) + ")";
      }
      if (c instanceof org.snakeyaml.engine.v2.exceptions.YamlEngineException y) {
        return "not valid YAML: " + firstLine(y.getMessage());
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause().getMessage() != null) {
      root = root.getCause(); // fabric8's own message is "An error has occurred."
    }
    return "not a kubeconfig: " + firstLine(root.getMessage());
  }

  static String firstLine(String s) {
    return EvidenceText.firstLine(s);
  }

  /** How reports name the cluster: {@code cluster https://... (context NAME)}. */
  public String describe() {
    return "cluster " + ServerUrl.redact(server) + (context == null ? " (in-cluster service account)" : " (context " + context + ")");
  }
}
