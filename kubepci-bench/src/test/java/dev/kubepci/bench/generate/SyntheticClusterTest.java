package dev.kubepci.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticClusterTest {
  private static List<ObjectNode> emit(int objects, long seed) {
    List<ObjectNode> out = new ArrayList<>();
    new SyntheticCluster(ClusterPlan.of(objects, seed)).emit(out::add);
    return out;
  }

  private static Map<String, Integer> kinds(List<ObjectNode> objects) {
    Map<String, Integer> kinds = new TreeMap<>();
    objects.forEach(o -> kinds.merge(o.path("kind").asText(), 1, Integer::sum));
    return kinds;
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 1_000, 4_321, 10_000})
  void emitsExactlyTheObjectsAsked(int objects) {
    assertThat(emit(objects, 7)).hasSize(objects);
  }

  @Test
  void rejectsClustersSmallerThanItsSystemPart() {
    assertThatThrownBy(() -> ClusterPlan.of(ClusterPlan.MIN_OBJECTS - 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 200 to 16,000,000 objects, not 199");
  }

  @Test
  void givesTheSameClusterForTheSameSeed() throws IOException {
    assertThat(dump(2_000, 42, DumpWriter.Format.YAML)).isEqualTo(dump(2_000, 42, DumpWriter.Format.YAML));
    assertThat(dump(2_000, 42, DumpWriter.Format.YAML)).isNotEqualTo(dump(2_000, 43, DumpWriter.Format.YAML));
  }

  @Test
  void hasTheSharesOfAProductionCluster() {
    List<ObjectNode> objects = emit(10_000, 20250106L);
    Map<String, Integer> kinds = kinds(objects);
    assertThat(kinds.get("Pod")).isBetween(1_800, 3_500);
    assertThat(kinds.get("ReplicaSet")).isGreaterThan(kinds.get("Deployment"));
    assertThat(kinds).containsKeys("Namespace", "Node", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
        "Service", "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "ClusterRole",
        "ClusterRoleBinding", "NetworkPolicy", "ClusterPolicy", "ConstraintTemplate", "Event", "EndpointSlice");
    long privileged = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
        .filter(o -> o.toString().contains("\"privileged\":true")).count();
    long restricted = objects.stream().filter(o -> o.path("kind").asText().equals("Deployment"))
        .filter(o -> o.toString().contains("\"RuntimeDefault\"")).count();
    assertThat(privileged).isPositive();
    assertThat(restricted).isGreaterThan(privileged * 5);
  }

  @Test
  void linksPodsToOwnersThatArePresent() {
    List<ObjectNode> objects = emit(3_000, 5);
    Set<String> uids = new HashSet<>();
    objects.forEach(o -> uids.add(o.path("metadata").path("uid").asText()));
    long pods = 0;
    for (ObjectNode o : objects) {
      if (o.path("kind").asText().equals("Pod")) {
        pods++;
        String owner = o.path("metadata").path("ownerReferences").path(0).path("uid").asText();
        assertThat(uids).as(o.path("metadata").path("name").asText()).contains(owner);
      }
    }
    assertThat(pods).isPositive();
    assertThat(uids).hasSize(objects.size());
  }

  @Test
  void rejectsClustersLargerThanItsNodeAddressesHold() {
    assertThatThrownBy(() -> ClusterPlan.of(ClusterPlan.MAX_OBJECTS + 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 16,000,001");
  }

  /** Past the 256 /24s of 10.244.0.0/16 that the generator once gave nodes; Nodes come before Pods. */
  @Test
  void givesEachNodeAndPodItsOwnAddressInsideItsNodesPodCidr() {
    Map<String, String> cidrByNode = new TreeMap<>();
    Set<String> nodeIps = new HashSet<>();
    Set<String> podIps = new HashSet<>();
    new SyntheticCluster(ClusterPlan.of(140_000, 9)).emit(o -> {
      if (o.path("kind").asText().equals("Node")) {
        String cidr = o.path("spec").path("podCIDR").asText();
        assertThat(octets(cidr)).hasSize(4).allMatch(n -> n < 256).endsWith(0);
        assertThat(cidr).endsWith("/24").startsWith("10.");
        assertThat(o.path("spec").path("podCIDRs").path(0).asText()).isEqualTo(cidr);
        assertThat(cidrByNode.put(o.path("metadata").path("name").asText(), cidr)).isNull();
        assertThat(nodeIps.add(o.path("status").path("addresses").path(0).path("address").asText())).isTrue();
      } else if (o.path("kind").asText().equals("Pod") && !o.path("spec").path("hostNetwork").asBoolean()) {
        String ip = o.path("status").path("podIP").asText();
        String cidr = cidrByNode.get(o.path("spec").path("nodeName").asText());
        assertThat(ip).startsWith(cidr.substring(0, cidr.length() - "0/24".length()));
        assertThat(podIps.add(ip)).as(ip).isTrue();
      }
    });
    assertThat(cidrByNode).hasSizeGreaterThan(256);
    assertThat(new HashSet<>(cidrByNode.values())).hasSameSizeAs(cidrByNode.values());
    assertThat(podIps).hasSizeGreaterThan(20_000);
  }

  private static List<Integer> octets(String cidr) {
    return Arrays.stream(cidr.substring(0, cidr.indexOf('/')).split("\\.")).map(Integer::valueOf).toList();
  }

  /** As the API server writes a map; a {@code Map.of} would give another order in another JVM run. */
  @Test
  void writesMapKeysSorted() {
    for (ObjectNode o : emit(1_000, 4)) {
      for (String map : List.of("labels", "annotations")) {
        List<String> keys = new ArrayList<>();
        o.path("metadata").path(map).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as(o.path("kind").asText() + " " + map).isSorted();
      }
    }
  }

  @Test
  void writesDumpsThatKubepciReadsWithoutError() throws IOException {
    for (DumpWriter.Format format : DumpWriter.Format.values()) {
      String text = dump(1_500, 3, format);
      List<Resource> resources = new ArrayList<>();
      List<ProcessingError> errors = new ArrayList<>();
      new ManifestReader(new ResourceSink() {
        @Override
        public void accept(Resource resource) {
          resources.add(resource);
        }

        @Override
        public void error(ProcessingError error) {
          errors.add(error);
        }
      }).read("dump." + format.extension(), new StringReader(text));
      assertThat(errors).isEmpty();
      assertThat(resources).hasSize(1_500);
      assertThat(Inventory.of(resources).workloads()).isNotEmpty();
    }
  }

  @Test
  void printsListsAsKubectlDoes() throws IOException {
    String yaml = dump(200, 1, DumpWriter.Format.YAML);
    assertThat(yaml).startsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n");
    assertThat(yaml).endsWith("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    String json = dump(200, 1, DumpWriter.Format.JSON);
    assertThat(json).startsWith("{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n");
    assertThat(json).contains("\"kind\": \"List\"");
  }

  private static String dump(int objects, long seed, DumpWriter.Format format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DumpWriter.write(new SyntheticCluster(ClusterPlan.of(objects, seed)), format, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
