package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.snapshot.KindReport;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import dev.kubepci.testing.FakeApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCollectorTest {
  private static final SnapshotHeader.Producer PRODUCER = new SnapshotHeader.Producer("kubepci", "test");
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00.123Z");

  @TempDir
  Path dir;

  private FakeApiServer fake;

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  private static final class Recording implements SnapshotSink {
    SnapshotHeader header;
    final List<ObjectNode> objects = new ArrayList<>();
    SnapshotTrailer trailer;

    @Override
    public void header(SnapshotHeader h) {
      header = h;
    }

    @Override
    public void object(ObjectNode o) {
      objects.add(o);
    }

    @Override
    public void trailer(SnapshotTrailer t) {
      trailer = t;
    }

    List<String> kinds() {
      return objects.stream().map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText()).toList();
    }

    KindReport report(String read) {
      return trailer.kinds().stream().filter(k -> k.read().equals(read)).findFirst().orElseThrow();
    }
  }

  private static List<HasMetadata> smallCluster(int pods) {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build());
    objects.add(new NodeBuilder().withNewMetadata().withName("node-1")
        .addToLabels("kubernetes.io/os", "linux").endMetadata().build());
    for (int i = 0; i < pods; i++) {
      objects.add(new PodBuilder().withNewMetadata().withName("web-" + i).withNamespace("shop").endMetadata()
          .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build());
    }
    objects.add(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27")
        .endContainer().endSpec().endTemplate().endSpec().build());
    objects.add(new SecretBuilder().withNewMetadata().withName("db-password").withNamespace("shop")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration",
            "{\"data\":{\"password\":\"aHVudGVyMg==\"}}")
        .addToLabels("app", "db").endMetadata()
        .withType("Opaque").addToData("password", "aHVudGVyMg==").build());
    objects.add(new SecretBuilder().withNewMetadata().withName("legacy-token").withNamespace("shop")
        .addToAnnotations("kubernetes.io/service-account.name", "web").endMetadata()
        .withType("kubernetes.io/service-account-token").addToData("token", "c2VjcmV0").build());
    return objects;
  }

  private Recording collect(List<String> reads, CollectionOptions options, CollectionListener listener) {
    Recording sink = new Recording();
    ClusterTarget target = ClusterTarget.resolve(fake.writeKubeconfig(dir), null, Map.of());
    try (ApiServer api = Fabric8ApiServer.connect(target, options.requestTimeout())) {
      new ClusterCollector(api, options, listener)
          .collect(new ClusterCollector.Identity(target.name(), target.context()), reads, PRODUCER, AT, sink);
    }
    return sink;
  }

  private static CollectionOptions fast(int pageSize) {
    return new CollectionOptions(pageSize, 4, 0, Duration.ofSeconds(10), 3, Duration.ofMillis(1));
  }

  @Test
  void collectsRequestedKindsWithHeaderAndTrailer() {
    fake = FakeApiServer.start().seed(smallCluster(3)).version("v1.29.7");

    Recording sink = collect(List.of("Pod", "Deployment"), fast(500), CollectionListener.NONE);

    assertThat(sink.header.collectedAt()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(sink.header.cluster().server()).isEqualTo(fake.url());
    assertThat(sink.header.cluster().name()).isEqualTo("fake-cluster");
    assertThat(sink.header.cluster().context()).isEqualTo("fake");
    assertThat(sink.header.cluster().gitVersion()).isEqualTo("v1.29.7");
    assertThat(sink.header.requested()).containsExactly("Deployment", "Namespace", "Node", "Pod");
    assertThat(sink.kinds()).containsExactly("Deployment/web", "Namespace/shop", "Node/node-1",
        "Pod/web-0", "Pod/web-1", "Pod/web-2");
    assertThat(sink.objects.get(0).path("apiVersion").asText()).isEqualTo("apps/v1");
    assertThat(sink.objects).allSatisfy(o -> assertThat(o.path("metadata").has("managedFields")).isFalse());
    assertThat(sink.trailer.objects()).isEqualTo(6);
    assertThat(sink.report("Pod")).isEqualTo(new KindReport("Pod", "", "v1", "pods", true,
        KindReport.Outcome.COLLECTED, 3, null, null));
    assertThat(sink.report("Deployment").group()).isEqualTo("apps");
  }

  @Test
  void followsContinueTokensWithTheConfiguredPageSize() {
    fake = FakeApiServer.start().seed(smallCluster(5));

    Recording sink = collect(List.of("Pod"), fast(2), CollectionListener.NONE);

    assertThat(sink.report("Pod").count()).isEqualTo(5);
    List<FakeApiServer.Request> pages = fake.requests().stream().filter(r -> r.path().equals("/api/v1/pods")).toList();
    assertThat(pages).hasSize(3);
    assertThat(pages).allSatisfy(r -> assertThat(r.query()).contains("limit=2"));
    assertThat(pages.get(0).query()).doesNotContain("continue=");
    assertThat(pages.get(1).query()).contains("continue=");
    assertThat(pages.get(2).query()).contains("continue=");
  }

  @Test
  void listsEachKindOnceAcrossAllNamespaces() {
    fake = FakeApiServer.start().seed(smallCluster(2));

    collect(List.of("Pod", "NetworkPolicy", "networking.k8s.io/NetworkPolicy"), fast(500), CollectionListener.NONE);

    List<String> lists = fake.requests().stream().map(FakeApiServer.Request::path)
        .filter(p -> p.matches("/api/v1/[a-z]+|/apis/[^/]+/[^/]+/[a-z]+"))
        .toList();
    assertThat(lists).containsExactlyInAnyOrder("/api/v1/namespaces", "/api/v1/nodes", "/api/v1/pods",
        "/apis/networking.k8s.io/v1/networkpolicies");
  }

  @Test
  void listsSecretsAsMetadataAndTypeOnly() {
    fake = FakeApiServer.start().seed(smallCluster(0));

    Recording sink = collect(List.of("Secret"), fast(500), CollectionListener.NONE);

    assertThat(fake.secretDataRequests()).isEmpty();
    FakeApiServer.Request request = fake.requests().stream().filter(r -> r.path().equals("/api/v1/secrets"))
        .findFirst().orElseThrow();
    assertThat(request.accept()).isEqualTo("application/json;as=Table;g=meta.k8s.io;v=v1");
    assertThat(request.query()).contains("includeObject=Metadata");
    List<ObjectNode> secrets = sink.objects.stream().filter(o -> o.path("kind").asText().equals("Secret")).toList();
    assertThat(secrets).hasSize(2);
    assertThat(secrets).allSatisfy(s -> {
      assertThat(s.has("data")).isFalse();
      assertThat(s.has("stringData")).isFalse();
      assertThat(s.toString()).doesNotContain("aHVudGVyMg==").doesNotContain("c2VjcmV0");
      assertThat(s.path("metadata").has("managedFields")).isFalse();
    });
    ObjectNode db = secrets.stream().filter(s -> s.path("metadata").path("name").asText().equals("db-password"))
        .findFirst().orElseThrow();
    assertThat(db.path("type").asText()).isEqualTo("Opaque");
    assertThat(db.path("metadata").path("labels").path("app").asText()).isEqualTo("db");
    assertThat(db.path("metadata").path("annotations").path(SecretMetadata.LAST_APPLIED).asText())
        .isEqualTo(SecretMetadata.REDACTED);
    ObjectNode token = secrets.stream().filter(s -> s.path("metadata").path("name").asText().equals("legacy-token"))
        .findFirst().orElseThrow();
    assertThat(token.path("type").asText()).isEqualTo("kubernetes.io/service-account-token");
  }

  @Test
  void reportsForbiddenKindWithTheIdentityAndKeepsGoing() {
    fake = FakeApiServer.start().seed(smallCluster(1)).forbid("clusterrolebindings.rbac.authorization.k8s.io");

    Recording sink = collect(List.of("ClusterRoleBinding", "Pod"), fast(500), CollectionListener.NONE);

    KindReport crb = sink.report("ClusterRoleBinding");
    assertThat(crb.outcome()).isEqualTo(KindReport.Outcome.FORBIDDEN);
    assertThat(crb.status()).isEqualTo(403);
    assertThat(crb.deniedIdentity()).isEqualTo(FakeApiServer.IDENTITY);
    assertThat(crb.coverage().collected()).isFalse();
    assertThat(crb.coverage().reason()).isEqualTo("forbidden: the identity " + FakeApiServer.IDENTITY
        + " cannot list clusterrolebindings.rbac.authorization.k8s.io (kubepci needs the list verb on resource "
        + "clusterrolebindings in API group rbac.authorization.k8s.io)");
    assertThat(sink.report("Pod").outcome()).isEqualTo(KindReport.Outcome.COLLECTED);
  }

  @Test
  void treatsAnUninstalledAddOnAsAbsentAndListsAnInstalledOne() {
    fake = FakeApiServer.start("kyverno.io").seed(List.of(new GenericKubernetesResourceBuilder()
        .withApiVersion("kyverno.io/v1").withKind("ClusterPolicy").withNewMetadata().withName("require-limits")
        .endMetadata().addToAdditionalProperties("spec", Map.of("validationFailureAction", "Enforce")).build()));

    Recording sink = collect(List.of("kyverno.io/ClusterPolicy", "cilium.io/CiliumNetworkPolicy"), fast(500),
        CollectionListener.NONE);

    KindReport kyverno = sink.report("kyverno.io/ClusterPolicy");
    assertThat(kyverno.outcome()).isEqualTo(KindReport.Outcome.COLLECTED);
    assertThat(kyverno.count()).isEqualTo(1);
    assertThat(sink.kinds()).contains("ClusterPolicy/require-limits");
    KindReport cilium = sink.report("cilium.io/CiliumNetworkPolicy");
    assertThat(cilium.outcome()).isEqualTo(KindReport.Outcome.ABSENT);
    assertThat(cilium.coverage().collected()).isTrue();
    assertThat(fake.requests()).noneMatch(r -> r.path().startsWith("/apis/cilium.io"));
  }

  @Test
  void reportsConfigurationFileKindsAsNotInTheApi() {
    fake = FakeApiServer.start().seed(smallCluster(0));

    Recording sink = collect(List.of("KubeletConfiguration"), fast(500), CollectionListener.NONE);

    KindReport kubelet = sink.report("KubeletConfiguration");
    assertThat(kubelet.outcome()).isEqualTo(KindReport.Outcome.NOT_IN_API);
    assertThat(kubelet.coverage().collected()).isFalse();
    assertThat(kubelet.coverage().reason()).contains("configuration file");
  }

  @Test
  void retriesServerErrorsAndSaysSo() {
    fake = FakeApiServer.start().seed(smallCluster(2)).fail("/api/v1/pods", 503, 2);
    List<String> retries = new CopyOnWriteArrayList<>();

    Recording sink = collect(List.of("Pod"), fast(500), new CollectionListener() {
      @Override
      public void retrying(String request, int attempt, int attempts, String problem) {
        retries.add(request + " " + attempt + "/" + attempts + " " + problem);
      }
    });

    assertThat(sink.report("Pod").outcome()).isEqualTo(KindReport.Outcome.COLLECTED);
    assertThat(sink.report("Pod").count()).isEqualTo(2);
    assertThat(retries).hasSize(2);
    assertThat(retries.get(0)).startsWith("GET /api/v1/pods?limit=500 2/4 503 Service Unavailable");
  }

  @Test
  void recordsAKindAsFailedWhenRetriesRunOut() {
    fake = FakeApiServer.start().seed(smallCluster(2)).fail("/api/v1/pods", 503, 10);

    Recording sink = collect(List.of("Pod", "Deployment"), fast(500), CollectionListener.NONE);

    KindReport pods = sink.report("Pod");
    assertThat(pods.outcome()).isEqualTo(KindReport.Outcome.FAILED);
    assertThat(pods.status()).isEqualTo(503);
    assertThat(pods.message()).contains("503 Service Unavailable").contains("after 4 attempts");
    assertThat(pods.coverage().reason()).startsWith("could not list pods: GET /api/v1/pods?limit=500: 503");
    assertThat(sink.report("Deployment").outcome()).isEqualTo(KindReport.Outcome.COLLECTED);
  }

  @Test
  void failsWithOneLineWhenTheServerCannotBeReached() throws Exception {
    fake = FakeApiServer.start();
    Path kubeconfig = fake.writeKubeconfig(dir);
    String url = fake.url();
    fake.close();
    fake = null;
    ClusterTarget target = ClusterTarget.resolve(kubeconfig, null, Map.of());
    CollectionOptions options = new CollectionOptions(500, 2, 0, Duration.ofSeconds(2), 1, Duration.ofMillis(1));

    try (ApiServer api = Fabric8ApiServer.connect(target, options.requestTimeout())) {
      assertThatThrownBy(() -> new ClusterCollector(api, options, CollectionListener.NONE)
          .collect(new ClusterCollector.Identity("x", "fake"), List.of("Pod"), PRODUCER, AT, new Recording()))
          .isInstanceOf(ClusterException.class)
          .hasMessage("cannot reach the Kubernetes API server at " + url + ": connection refused (after 2 attempts)");
    }
  }
}
