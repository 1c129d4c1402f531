package dev.kubepci.collect.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.InputException;
import dev.kubepci.collect.cluster.ClusterCollection;
import dev.kubepci.collect.cluster.ClusterTarget;
import dev.kubepci.collect.cluster.CollectionListener;
import dev.kubepci.collect.cluster.CollectionOptions;
import dev.kubepci.model.Coverage;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.testing.FakeApiServer;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotRoundTripTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir
  Path dir;

  private FakeApiServer fake;

  @BeforeEach
  void start() {
    fake = FakeApiServer.start().seed(List.of(
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
        new NodeBuilder().withNewMetadata().withName("ip-10-0-1-1.ec2.internal")
            .addToLabels("eks.amazonaws.com/nodegroup", "general").endMetadata().build(),
        new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
            .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build(),
        new SecretBuilder().withNewMetadata().withName("tls").withNamespace("shop").endMetadata()
            .withType("kubernetes.io/tls").addToData("tls.key", "a2V5").build()));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ClusterCollection collection(List<String> reads) {
    ClusterTarget target = ClusterTarget.resolve(fake.writeKubeconfig(dir), null, Map.of());
    return new ClusterCollection(target, new CollectionOptions(500, 2, 0, Duration.ofSeconds(10), 0,
        Duration.ofMillis(1)), reads, new SnapshotHeader.Producer("kubepci", "test"), AT, CollectionListener.NONE);
  }

  private static String json(Resource r) {
    return SERIALIZATION.asJson(r.object());
  }

  @Test
  void aSnapshotReadsBackAsTheLiveCollection() {
    Path file = dir.resolve("cluster.kpci.jsonl.gz");
    CollectedInput live = collection(List.of("Pod", "Secret")).scan(file);

    CollectedInput offline = SnapshotInventory.read(file);

    assertThat(offline.inventory().all()).hasSameSizeAs(live.inventory().all()).hasSize(4);
    for (int i = 0; i < live.inventory().size(); i++) {
      Resource a = live.inventory().all().get(i);
      Resource b = offline.inventory().all().get(i);
      assertThat(b.ref()).isEqualTo(a.ref());
      assertThat(b.provenance()).isEqualTo(a.provenance());
      assertThat(json(b)).isEqualTo(json(a));
      assertThat(b.object().getClass()).isEqualTo(a.object().getClass());
    }
    assertThat(offline.inventory().coverage().kinds()).isEqualTo(live.inventory().coverage().kinds());
    assertThat(offline.inventory().coverage().source()).isEqualTo(Coverage.Source.CLUSTER);
    assertThat(offline.inventory().clusterInfo()).isEqualTo(live.inventory().clusterInfo());
    assertThat(offline.errors()).isEqualTo(live.errors());
    assertThat(offline.inputs()).containsExactly(file + " (snapshot of cluster " + fake.url()
        + ", context fake, collected 2026-03-01T12:00:00Z)");
    assertThat(live.inputs()).containsExactly("cluster " + fake.url() + " (context fake)");
  }

  @Test
  void liveObjectsCarryTheClusterAndCollectionTime() {
    CollectedInput live = collection(List.of("Pod")).scan(null);

    Resource pod = live.inventory().ofKind("Pod").get(0);
    assertThat(pod.provenance()).isEqualTo(Provenance.ofCluster(fake.url(), AT));
    assertThat(pod.ref().uid()).isNotBlank();
    assertThat(pod.ref().resourceVersion()).isNotBlank();
    assertThat(live.inventory().clusterInfo().server()).isEqualTo(fake.url());
    assertThat(live.inventory().clusterInfo().name()).isEqualTo("fake-cluster");
    assertThat(live.inventory().clusterInfo().gitVersion()).isEqualTo("v1.30.4");
    assertThat(live.inventory().clusterInfo().provider()).isEqualTo("EKS");
  }

  @Test
  void aFailedKindIsAGapAndAnErrorOnBothSides() {
    fake.fail("/api/v1/pods", 500, 5);
    Path file = dir.resolve("s.kpci.jsonl.gz");
    CollectedInput live = collection(List.of("Pod")).scan(file);
    CollectedInput offline = SnapshotInventory.read(file);

    assertThat(live.inventory().coverage().gap("Pod")).hasValueSatisfying(r -> assertThat(r)
        .startsWith("could not list pods: GET /api/v1/pods?limit=500: 500 Internal Server Error"));
    assertThat(live.errors()).hasSize(1);
    assertThat(live.errors().get(0).source()).isEqualTo(Provenance.ofCluster(fake.url(), AT));
    assertThat(offline.errors()).isEqualTo(live.errors());
  }

  @Test
  void writesHeaderObjectsAndTrailerAsJsonLines() throws IOException {
    Path file = dir.resolve("s.kpci.jsonl.gz");
    SnapshotTrailer trailer = collection(List.of("Pod", "Secret")).snapshot(file);

    List<String> lines = lines(file);
    assertThat(lines).hasSize(6);
    ObjectNode header = (ObjectNode) JSON.readTree(lines.get(0));
    assertThat(header.path("apiVersion").asText()).isEqualTo("kubepci.dev/v1");
    assertThat(header.path("kind").asText()).isEqualTo("SnapshotHeader");
    assertThat(header.path("formatVersion").asInt()).isEqualTo(1);
    assertThat(header.path("producer").path("name").asText()).isEqualTo("kubepci");
    assertThat(header.path("collectedAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(header.path("cluster").path("server").asText()).isEqualTo(fake.url());
    assertThat(header.path("cluster").path("version").path("gitVersion").asText()).isEqualTo("v1.30.4");
    ObjectNode last = (ObjectNode) JSON.readTree(lines.get(5));
    assertThat(last.path("kind").asText()).isEqualTo("SnapshotTrailer");
    assertThat(last.path("objects").asInt()).isEqualTo(4);
    assertThat(last.path("kinds").get(0).path("outcome").asText()).isEqualTo("collected");
    assertThat(trailer.objects()).isEqualTo(4);
    assertThat(String.join("\n", lines)).doesNotContain("a2V5");
    assertThat(Files.exists(dir.resolve("s.kpci.jsonl.gz.partial"))).isFalse();
  }

  @Test
  void anInterruptedCollectionLeavesNoSnapshot() {
    Path file = dir.resolve("s.kpci.jsonl.gz");
    fake.fail("/version", 401, 10);

    assertThatThrownBy(() -> collection(List.of("Pod")).snapshot(file))
        .hasMessageContaining("refused the credentials");
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("s.kpci.jsonl.gz.partial")).doesNotExist();
  }

  @Test
  void refusesAFileThatIsNotGzip() throws IOException {
    Path file = dir.resolve("pods.yaml");
    Files.writeString(file, "kind: Pod\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file)).isInstanceOf(InputException.class)
        .hasMessageContaining("not a kubepci snapshot");
    assertThat(dev.kubepci.collect.InputKind.of(file)).isNotEqualTo(dev.kubepci.collect.InputKind.SNAPSHOT);
  }

  @Test
  void refusesGzipThatIsNotASnapshot() throws IOException {
    Path file = gzip("{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}\n");
    assertThat(dev.kubepci.collect.InputKind.of(file)).isEqualTo(dev.kubepci.collect.InputKind.SNAPSHOT);
    assertThatThrownBy(() -> SnapshotInventory.read(file)).isInstanceOf(InputException.class)
        .hasMessageContaining("line 1 is not a kubepci.dev/v1 SnapshotHeader");
  }

  @Test
  void refusesANewerFormatVersion() throws IOException {
    Path file = gzip(header(2) + "\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file))
        .hasMessageContaining("snapshot format version 2 is not supported");
  }

  @Test
  void refusesASnapshotCutShort() throws IOException {
    Path file = gzip(header(1) + "\n{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file))
        .hasMessageContaining("cut short (no SnapshotTrailer line after 1 object)");
  }

  @Test
  void refusesATrailerThatMiscounts() throws IOException {
    Path file = gzip(header(1) + "\n{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":\"SnapshotTrailer\",\"objects\":3,"
        + "\"kinds\":[]}\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file))
        .hasMessageContaining("the trailer counts 3 objects but the snapshot holds 0");
  }

  @Test
  void refusesACorruptLine() throws IOException {
    Path file = gzip(header(1) + "\n{not json\n");
    assertThatThrownBy(() -> SnapshotInventory.read(file)).hasMessageContaining("line 2 is not valid JSON");
  }

  @Test
  void reportsAnUnusableObjectLikeAManifestError() throws IOException {
    Path file = gzip(header(1) + "\n{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},"
        + "\"spec\":{\"containers\":\"oops\"}}\n"
        + "{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":\"SnapshotTrailer\",\"objects\":1,\"kinds\":[{\"read\":\"Pod\","
        + "\"group\":\"\",\"version\":\"v1\",\"resource\":\"pods\",\"namespaced\":true,\"outcome\":\"collected\","
        + "\"count\":1}]}\n");
    CollectedInput input = SnapshotInventory.read(file);
    assertThat(input.inventory().all()).isEmpty();
    assertThat(input.errors()).hasSize(1);
    assertThat(input.errors().get(0).message()).startsWith("Pod p: spec.containers");
    assertThat(input.errors().get(0).source()).isEqualTo(Provenance.ofCluster("https://10.0.0.1:6443", AT));
  }

  private static String header(int version) {
    return "{\"apiVersion\":\"kubepci.dev/v1\",\"kind\":\"SnapshotHeader\",\"formatVersion\":" + version
        + ",\"producer\":{\"name\":\"test\",\"version\":\"1\"},\"collectedAt\":\"2026-03-01T12:00:00Z\","
        + "\"cluster\":{\"name\":\"c\",\"server\":\"https://10.0.0.1:6443\",\"version\":{}},\"requested\":[\"Pod\"]}";
  }

  private Path gzip(String content) throws IOException {
    Path file = Files.createTempFile(dir, "snap", ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static List<String> lines(Path file) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }
}
