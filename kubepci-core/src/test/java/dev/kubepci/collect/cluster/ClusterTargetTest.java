package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterTargetTest {
  @TempDir
  Path dir;

  private Path kubeconfig(String name) throws IOException {
    return Files.writeString(dir.resolve(name), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod-eu
          cluster:
            server: https://prod.example.internal:6443/
        - name: staging
          cluster:
            server: https://staging.example.internal:6443
        users:
        - name: jane
          user:
            token: abc
        contexts:
        - name: prod
          context: {cluster: prod-eu, user: jane}
        - name: staging
          context: {cluster: staging, user: jane}
        current-context: prod
        """);
  }

  @Test
  void usesTheCurrentContextOfAnExplicitKubeconfig() throws IOException {
    ClusterTarget t = ClusterTarget.resolve(kubeconfig("config"), null, Map.of());
    assertThat(t.name()).isEqualTo("prod-eu");
    assertThat(t.context()).isEqualTo("prod");
    assertThat(t.server()).isEqualTo("https://prod.example.internal:6443");
    assertThat(t.describe()).isEqualTo("cluster https://prod.example.internal:6443 (context prod)");
  }

  @Test
  void switchesToTheNamedContext() throws IOException {
    ClusterTarget t = ClusterTarget.resolve(kubeconfig("config"), "staging", Map.of());
    assertThat(t.context()).isEqualTo("staging");
    assertThat(t.server()).isEqualTo("https://staging.example.internal:6443");
  }

  @Test
  void refusesAContextTheKubeconfigLacks() throws IOException {
    Path file = kubeconfig("config");
    assertThatThrownBy(() -> ClusterTarget.resolve(file, "dev", Map.of()))
        .isInstanceOf(ClusterException.class)
        .hasMessage("context dev is not in " + file + " (it has: prod, staging)");
  }

  @Test
  void findsTheKubeconfigThroughKubeconfigVariableThenHome() throws IOException {
    Path file = kubeconfig("from-env");
    ClusterTarget t = ClusterTarget.resolve(null, null,
        Map.of("KUBECONFIG", dir.resolve("missing") + java.io.File.pathSeparator + file, "HOME", "/nonexistent"));
    assertThat(t.context()).isEqualTo("prod");

    Files.createDirectories(dir.resolve("home/.kube"));
    Files.copy(file, dir.resolve("home/.kube/config"));
    assertThat(ClusterTarget.resolve(null, "staging", Map.of("HOME", dir.resolve("home").toString())).context())
        .isEqualTo("staging");
  }

  @Test
  void saysWhatToDoWhenNoClusterIsConfigured() {
    assertThatThrownBy(() -> ClusterTarget.resolve(null, null, Map.of("HOME", dir.toString())))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("no cluster configured: no kubeconfig (--kubeconfig, KUBECONFIG or ~/.kube/config)");
    assertThatThrownBy(() -> ClusterTarget.resolve(dir.resolve("nope"), null, Map.of()))
        .hasMessage("kubeconfig " + dir.resolve("nope") + " does not exist");
    assertThatThrownBy(() -> ClusterTarget.resolve(null, null, Map.of("KUBECONFIG", dir.resolve("x").toString())))
        .hasMessage("KUBECONFIG names no existing file: " + dir.resolve("x"));
  }

  @Test
  void inAPodAContextMakesNoSense() {
    assertThatThrownBy(() -> ClusterTarget.resolve(null, "prod",
        Map.of("HOME", dir.toString(), ClusterTarget.SERVICE_HOST, "10.96.0.1")))
        .hasMessageContaining("there is no kubeconfig; in a pod kubepci uses its service account");
  }
}
