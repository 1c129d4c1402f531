package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.testing.FakeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API server (or a proxy in front of it) that never stops paging: the same continue token again and again, or
 * a new one forever. The kind it pages becomes a collection error naming it, and every other kind is collected.
 */
class HostilePagingTest {
  private static final String ROLE_BINDINGS = "/apis/rbac.authorization.k8s.io/v1/rolebindings";
  private static final String CLUSTER_ROLE_BINDINGS = "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings";

  @TempDir
  static Path dir;

  private static FakeApiServer fake;

  /** One server for both cases (starting one takes seconds on a busy machine): each pages one resource forever. */
  @BeforeAll
  static void start() {
    fake = FakeApiServer.start().seed(List.of(
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
        new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata().withNewSpec()
            .addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build()));
    fake.pageForever(ROLE_BINDINGS, true).pageForever(CLUSTER_ROLE_BINDINGS, false);
  }

  @AfterAll
  static void stop() {
    fake.close();
  }

  private CollectedInput collect(String read, CollectionOptions options) {
    SnapshotInventory inventory = new SnapshotInventory(null);
    ClusterTarget target = ClusterTarget.resolve(fake.writeKubeconfig(dir), null, Map.of());
    try (ApiServer api = Fabric8ApiServer.connect(target, options.requestTimeout())) {
      new ClusterCollector(api, options, CollectionListener.NONE).collect(
          new ClusterCollector.Identity(target.name(), target.context()), List.of("Pod", read),
          new SnapshotHeader.Producer("kubepci", "test"), Instant.parse("2026-03-01T12:00:00Z"), inventory);
    }
    return inventory.result(List.of("fake"));
  }

  @Test
  void aContinueTokenHandedBackAgainStopsTheListOfThatKind() {
    CollectedInput input = collect("RoleBinding", new CollectionOptions(500, 2, 0, Duration.ofSeconds(10), 0,
        Duration.ofMillis(1)));

    assertThat(fake.pagesServed(ROLE_BINDINGS)).isEqualTo(2);
    String reason = "could not list rolebindings.rbac.authorization.k8s.io: the API server answered page 2 of "
        + "/apis/rbac.authorization.k8s.io/v1/rolebindings with a continue token it had already given; kubepci "
        + "stopped listing rather than follow it forever";
    assertThat(input.inventory().coverage().gap("RoleBinding")).contains(reason);
    assertThat(input.errors()).extracting(e -> e.message()).containsExactly(reason);
    assertThat(input.inventory().coverage().gap("Pod")).isEmpty();
    assertThat(input.inventory().all()).extracting(r -> r.kind() + "/" + r.name())
        .contains("Pod/web", "Namespace/shop");
  }

  @Test
  void aServerThatPagesWithoutEndIsFollowedOnlyUpToThePageLimit() {
    CollectedInput input = collect("ClusterRoleBinding", new CollectionOptions(500, 2, 0, Duration.ofSeconds(10), 0,
        Duration.ofMillis(1), 25));

    assertThat(fake.pagesServed(CLUSTER_ROLE_BINDINGS)).isEqualTo(25);
    assertThat(input.inventory().coverage().gap("ClusterRoleBinding")).get().asString().isEqualTo(
        "could not list clusterrolebindings.rbac.authorization.k8s.io: the API server was still paging after 25 "
            + "pages of 500 (kubepci's limit per resource); kubepci stopped listing " + CLUSTER_ROLE_BINDINGS
            + " (a larger --page-size needs fewer pages)");
    assertThat(input.inventory().coverage().gap("Pod")).isEmpty();
    assertThat(input.errors()).hasSize(1);
  }

  @Test
  void theDefaultPageLimitIsTenThousand() {
    assertThat(CollectionOptions.DEFAULTS.maxPages()).isEqualTo(10_000);
    assertThat(KindReport.Outcome.FAILED.json()).isEqualTo("failed");
  }
}
