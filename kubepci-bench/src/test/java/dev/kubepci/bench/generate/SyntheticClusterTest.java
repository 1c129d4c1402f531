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
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 200");
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
