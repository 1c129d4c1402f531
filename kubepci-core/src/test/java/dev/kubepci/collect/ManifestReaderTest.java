package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  private final List<Resource> resources = new ArrayList<>();
  private final List<ProcessingError> errors = new ArrayList<>();
  private final List<ProcessingError> skipped = new ArrayList<>();
  private final ManifestReader reader = new ManifestReader(new ResourceSink() {
    @Override
    public void accept(Resource resource) {
      resources.add(resource);
    }

    @Override
    public void error(ProcessingError error) {
      errors.add(error);
    }

    @Override
    public void skipped(ProcessingError why) {
      skipped.add(why);
    }
  });

  private void read(String text) throws IOException {
    reader.read("in.yaml", new StringReader(text));
  }

  @Test
  void readsMultiDocumentYamlWithDocumentIndexAndLine() throws IOException {
    read("""
        # leading comment
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
          namespace: ns
        ---
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: b
          namespace: ns
        """);
    assertThat(errors).isEmpty();
    assertThat(resources).hasSize(2);
    assertThat(resources.get(0).object()).isInstanceOf(Pod.class);
    assertThat(((Provenance.FileSource) resources.get(0).provenance()).document()).isEqualTo(1);
    assertThat(((Provenance.FileSource) resources.get(0).provenance()).line()).isEqualTo(3);
    assertThat(resources.get(1).object()).isInstanceOf(Deployment.class);
    assertThat(((Provenance.FileSource) resources.get(1).provenance()).document()).isEqualTo(2);
    assertThat(((Provenance.FileSource) resources.get(1).provenance()).line()).isEqualTo(10);
  }

  @Test
  void keepsCustomResourcesAsGenericObjects() throws IOException {
    read("""
        apiVersion: kyverno.io/v1
        kind: ClusterPolicy
        metadata:
          name: restrict
        spec:
          validationFailureAction: Enforce
        """);
    assertThat(resources).singleElement().satisfies(r -> {
      assertThat(r.object()).isInstanceOf(GenericKubernetesResource.class);
      assertThat(r.string("spec", "validationFailureAction")).contains("Enforce");
    });
  }

  @Test
  void readsKubectlListWithLinePerItem() throws IOException {
    read("""
        apiVersion: v1
        items:
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: a
        - apiVersion: v1
          kind: Namespace
          metadata:
            name: b
        kind: List
        metadata:
          resourceVersion: ""
        """);
    assertThat(errors).isEmpty();
    assertThat(resources).extracting(Resource::name).containsExactly("a", "b");
    assertThat(resources).extracting(r -> ((Provenance.FileSource) r.provenance()).line()).containsExactly(3, 7);
  }

  @Test
  void readsTypedListWhoseItemsLackKind() throws IOException {
    reader.read("pods.json", new StringReader("""
        {"apiVersion": "v1", "kind": "PodList", "metadata": {},
         "items": [
           {"metadata": {"name": "p1", "namespace": "x"}, "spec": {"containers": []}},
           {"metadata": {"name": "p2", "namespace": "x"}, "spec": {"containers": []}}
         ]}
        """));
    assertThat(errors).isEmpty();
    assertThat(resources).extracting(Resource::kind).containsExactly("Pod", "Pod");
    assertThat(resources).extracting(r -> ((Provenance.FileSource) r.provenance()).line()).containsExactly(3, 4);
  }

  @Test
  void readsConcatenatedJsonObjectsAndArrays() throws IOException {
    reader.read("x.json", new StringReader("""
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}
        [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "b"}}]
        """));
    assertThat(errors).isEmpty();
    assertThat(resources).extracting(Resource::name).containsExactly("a", "b");
  }

  @Test
  void reportsBrokenDocumentAndKeepsTheOthers() throws IOException {
    read("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: good
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: [unclosed
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: also-good
        """);
    assertThat(resources).extracting(Resource::name).containsExactly("good", "also-good");
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(((Provenance.FileSource) e.source()).file()).isEqualTo("in.yaml");
      assertThat(((Provenance.FileSource) e.source()).document()).isEqualTo(2);
      assertThat(((Provenance.FileSource) e.source()).line()).isBetween(9, 10);
      assertThat(e.message()).startsWith("syntax error");
    });
  }

  @Test
  void reportsMissingKindApiVersionAndName() throws IOException {
    read("""
        apiVersion: v1
        metadata:
          name: no-kind
        ---
        kind: Pod
        metadata:
          name: no-api-version
        ---
        apiVersion: v1
        kind: Pod
        metadata: {}
        """);
    assertThat(resources).isEmpty();
    assertThat(errors).extracting(ProcessingError::message).containsExactly(
        "missing kind", "Pod: missing apiVersion", "Pod: missing metadata.name");
    assertThat(errors).extracting(e -> ((Provenance.FileSource) e.source()).document()).containsExactly(1, 2, 3);
    assertThat(errors).extracting(e -> ((Provenance.FileSource) e.source()).line()).containsExactly(1, 5, 9);
    assertThat(skipped).isEmpty();
  }

  @Test
  void skipsDocumentsThatAreNotKubernetesObjects() throws IOException {
    read("""
        # Helm values
        replicaCount: 2
        image: {repository: web, tag: "1"}
        ---
        services:
          web: {image: "web:1", ports: ["8080:8080"]}
        ---
        waivers:
          - {id: RISK-1, rule: privileged-container}
        ---
        - just
        - a list
        ---
        plain text
        ---
        items:
          - name: not-an-object
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: real}
        """);
    assertThat(resources).extracting(r -> r.name()).containsExactly("real");
    assertThat(errors).isEmpty();
    assertThat(skipped).extracting(ProcessingError::message).containsExactly(
        "not a Kubernetes object (no apiVersion and no kind)",
        "not a Kubernetes object (no apiVersion and no kind)",
        "not a Kubernetes object (no apiVersion and no kind)",
        "not a Kubernetes object (a sequence, not a mapping)",
        "not a Kubernetes object (a scalar, not a mapping)",
        "not a Kubernetes object (no apiVersion and no kind)");
    assertThat(skipped).extracting(e -> ((Provenance.FileSource) e.source()).document()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(skipped).extracting(e -> ((Provenance.FileSource) e.source()).line()).containsExactly(2, 5, 8, 11, 14, 16);
  }

  @Test
  void aBrokenObjectWithApiVersionOrKindStaysAnError() throws IOException {
    read("""
        kind: Deployment
        spec: {}
        ---
        apiVersion: v1
        data: {a: b}
        """);
    assertThat(skipped).isEmpty();
    assertThat(errors).extracting(ProcessingError::message).containsExactly("Deployment: missing apiVersion",
        "missing kind");
  }

  @Test
  void reportsFieldOfTheWrongTypeWithItsPath() throws IOException {
    read("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: many
        """);
    assertThat(resources).isEmpty();
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.message()).startsWith("Deployment web: spec.replicas: ");
      assertThat(((Provenance.FileSource) e.source()).line()).isEqualTo(1);
    });
  }

  @Test
  void reportsDuplicateKeys() throws IOException {
    read("""
        apiVersion: v1
        kind: Namespace
        kind: Pod
        metadata:
          name: x
        """);
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("Duplicate field 'kind'"));
  }

  @Test
  void readsStandardInput() {
    byte[] yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-stdin\n".getBytes(StandardCharsets.UTF_8);
    reader.read(ManifestReader.STDIN, new ByteArrayInputStream(yaml));
    assertThat(resources).singleElement().satisfies(r -> {
      assertThat(r.name()).isEqualTo("from-stdin");
      assertThat(((Provenance.FileSource) r.provenance()).file()).isEqualTo("-");
    });
  }

  @Test
  void expandsDirectoriesRecursivelyInSortedOrderSkippingHiddenAndOtherFiles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("b/c"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("b/c/z.yml"), "");
    Files.writeString(dir.resolve("a.json"), "");
    Files.writeString(dir.resolve("b/y.YAML"), "");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.writeString(dir.resolve(".git/x.yaml"), "");
    assertThat(ManifestReader.expand(List.of(dir.toString()))).containsExactly(
        dir.resolve("a.json").toString(), dir.resolve("b/c/z.yml").toString(), dir.resolve("b/y.YAML").toString());
  }

  @Test
  void rejectsMissingPathsAndEmptyDirectories(@TempDir Path dir) {
    assertThatThrownBy(() -> ManifestReader.expand(List.of(dir.resolve("nope").toString())))
        .isInstanceOf(InputException.class).hasMessageContaining("no such file or directory");
    assertThatThrownBy(() -> ManifestReader.expand(List.of(dir.toString())))
        .isInstanceOf(InputException.class).hasMessageContaining("no .yaml, .yml or .json files, Helm charts or kustomizations under");
  }

  @Test
  void readsAListDocumentLargerThanThreeMegabytes() throws IOException {
    // kubectl get -o yaml prints a whole cluster as one document; SnakeYAML refuses 3 MB by default
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
    int items = 0;
    while (yaml.length() < 4 * 1024 * 1024) {
      yaml.append("- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-").append(items++)
          .append("\n    namespace: big\n  data:\n    blob: \"").append("x".repeat(1000)).append("\"\n");
    }
    read(yaml.toString());
    assertThat(errors).isEmpty();
    assertThat(resources).hasSize(items);
  }
}
