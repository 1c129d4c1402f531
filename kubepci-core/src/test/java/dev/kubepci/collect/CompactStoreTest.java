package dev.kubepci.collect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.result.ProcessingError;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactStoreTest {
  private static final String INPUT = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
          uid: 11111111-1111-1111-1111-111111111111
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: shop/web:1.2}]
      - apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: web-5d8f
          namespace: shop
          uid: 22222222-2222-2222-2222-222222222222
          labels: {app: web, pod-template-hash: 5d8f}
          ownerReferences:
          - {apiVersion: apps/v1, kind: Deployment, name: web, uid: 11111111-1111-1111-1111-111111111111,
              controller: true}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: shop/web:1.2}]
      - apiVersion: v1
        kind: Pod
        metadata:
          generateName: web-5d8f-
          namespace: shop
          labels: {app: web, pod-template-hash: 5d8f}
          ownerReferences:
          - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: 22222222-2222-2222-2222-222222222222}
        spec:
          nodeName: node-1
          initContainers: [{name: init, image: busybox, securityContext: {privileged: true}}]
          containers:
          - name: web
            image: shop/web:1.2
            ports: [{containerPort: 8080, protocol: TCP}]
            resources: {limits: {cpu: 500m, memory: 1Gi}}
            env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
          ephemeralContainers: [{name: debug, image: busybox}]
        status:
          phase: Running
          startTime: "2025-01-06T09:00:00Z"
      - apiVersion: v1
        kind: Pod
        metadata:
          name: standalone
          namespace: shop
          labels: {app: web}
        spec:
          containers: [{name: c, image: nginx}]
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop, annotations: {note: kept}}
        data: {LEVEL: info, ratio: "0.5"}
        binaryData: {blob: aGVsbG8=}
      - apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: shop}
        type: Opaque
      - apiVersion: v1
        kind: Event
        metadata: {name: web.17f, namespace: shop}
        involvedObject: {kind: Pod, name: standalone, namespace: shop}
        reason: Started
        count: 3
        firstTimestamp: "2025-01-06T09:00:00Z"
      - apiVersion: aquasecurity.github.io/v1alpha1
        kind: VulnerabilityReport
        metadata: {name: replicaset-web-5d8f-web, namespace: shop}
        report:
          summary: {criticalCount: 2, highCount: 7}
          vulnerabilities:
          - {vulnerabilityID: CVE-2024-0001, severity: CRITICAL, score: 9.8, fixedVersion: "1.2.4"}
      ---
      apiVersion: v1
      kind: PodList
      items:
      - metadata: {name: listed, namespace: shop}
        spec:
          containers: [{name: c, image: nginx}]
      """;

  private final CompactStore store = new CompactStore();

  private static List<Resource> read(CompactStore store) throws IOException {
    List<Resource> out = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        out.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        throw new AssertionError(error.describe());
      }
    }, store).read("in.yaml", new StringReader(INPUT));
    return out;
  }

  @Test
  void decodesBulkObjectsToTheObjectsFirstRead() throws IOException {
    List<Resource> eager = read(null);
    List<Resource> compact = read(store);
    assertThat(compact).hasSameSizeAs(eager).hasSize(9);
    for (int i = 0; i < eager.size(); i++) {
      Resource e = eager.get(i);
      Resource c = compact.get(i);
      assertThat(c.object()).as(e.ref().displayName()).isEqualTo(e.object());
      assertThat(c.ref()).isEqualTo(e.ref());
      assertThat(c.provenance()).isEqualTo(e.provenance());
      assertThat(c.labels()).isEqualTo(e.labels());
      assertThat(List.copyOf(c.labels().keySet())).isEqualTo(List.copyOf(e.labels().keySet()));
      assertThat(c.uid()).isEqualTo(e.uid());
      assertThat(c.owners()).isEqualTo(e.owners());
      assertThat(c.type()).isEqualTo(e.type());
      assertThat(c.isGeneric()).isEqualTo(e.isGeneric());
      assertThat(c.annotations()).isEqualTo(e.annotations());
      assertThat(c.field("report", "summary", "criticalCount")).isEqualTo(e.field("report", "summary",
          "criticalCount"));
    }
  }

  @Test
  void keepsBulkKindsCompactAndOtherKindsAsModelObjects() throws IOException {
    List<Resource> compact = read(store);
    assertThat(compact.stream().filter(Resource::isCompact).map(Resource::kind))
        .containsExactly("ReplicaSet", "Pod", "Pod", "ConfigMap", "Secret", "Event", "VulnerabilityReport", "Pod");
    assertThat(compact.get(0).isCompact()).isFalse();
    assertThat(compact.get(0).encodedSize()).isZero();
    assertThat(store.compactObjects()).isEqualTo(8);
    assertThat(store.compactBytes()).isEqualTo(compact.stream().mapToLong(Resource::encodedSize).sum()).isPositive();
  }

  @Test
  void givesTheGeneratedNameBackWhenDecoding() throws IOException {
    Resource pod = read(store).get(2);
    assertThat(pod.name()).isEqualTo("web-5d8f-<generated>");
    assertThat(pod.object().getMetadata().getName()).isEqualTo("web-5d8f-<generated>");
  }

  @Test
  void answersIdentityLabelsOwnersAndTypeWithoutDecoding() throws IOException {
    List<Resource> compact = read(store);
    Inventory inventory = Inventory.of(compact);
    for (Resource r : compact) {
      r.ref();
      r.labels();
      r.annotations();
      r.uid();
      r.owners();
      r.type();
      r.isGeneric();
      r.as(Deployment.class);
      inventory.hasOwnerPresent(r);
      Workloads.hasPodSpec(r);
      Workloads.of(r).ifPresent(w -> {
        w.podSpecPath();
        w.podMetadataPath();
        w.namespace();
      });
    }
    assertThat(inventory.workloads()).extracting(w -> w.ref().displayName() + " " + w.podSpecPath())
        .containsExactly("Deployment/shop/web spec.template.spec", "ReplicaSet/shop/web-5d8f spec.template.spec",
            "Pod/shop/web-5d8f-<generated> spec", "Pod/shop/standalone spec", "Pod/shop/listed spec");
    assertThat(store.decodes()).isZero();
    assertThat(inventory.hasOwnerPresent(compact.get(2))).isTrue();
    assertThat(inventory.hasOwnerPresent(compact.get(1))).isTrue();
    assertThat(inventory.hasOwnerPresent(compact.get(3))).isFalse();
    assertThat(compact.get(2).as(Pod.class)).isPresent();
    assertThat(store.decodes()).isEqualTo(1);
  }

  @Test
  void readsLargeAnnotationsFromTheDecodedObject() throws IOException {
    String applied = "{\"apiVersion\":\"v1\",\"data\":{\"x\":\"" + "y".repeat(4_000) + "\"}}";
    List<Resource> out = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        out.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        throw new AssertionError(error.describe());
      }
    }, store).read("big.json", new StringReader("""
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "big", "namespace": "ns",
         "annotations": {"kubectl.kubernetes.io/last-applied-configuration": %s, "team": "a"}}}
        """.formatted(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(applied))));
    Resource big = out.get(0);
    assertThat(big.isCompact()).isTrue();
    assertThat(big.annotations()).containsEntry("team", "a")
        .containsEntry("kubectl.kubernetes.io/last-applied-configuration", applied);
    assertThat(store.decodes()).isEqualTo(1);
  }

  @Test
  void decodesARecentlyReadObjectOnce() throws IOException {
    Resource pod = read(store).get(3);
    assertThat(pod.object()).isSameAs(pod.object());
    pod.metadata();
    pod.as(Pod.class);
    assertThat(store.decodes()).isEqualTo(1);
  }

  @Test
  void sharesRepeatedStringsBetweenResources() throws IOException {
    List<Resource> compact = read(store);
    Resource pod = compact.get(2);
    Resource standalone = compact.get(3);
    assertThat(pod.labels().get("app")).isSameAs(standalone.labels().get("app"));
    assertThat(pod.namespace()).isSameAs(standalone.namespace());
    assertThat(pod.kind()).isSameAs(standalone.kind());
  }

  @Test
  void viewsACompactPodAsTheSameWorkload() throws IOException {
    Resource eager = read(null).get(2);
    Resource compact = read(store).get(2);
    Workload e = Workloads.of(eager).orElseThrow();
    Workload c = Workloads.of(compact).orElseThrow();
    assertThat(Workloads.hasPodSpec(compact)).isTrue();
    assertThat(c.podSpec()).isEqualTo(e.podSpec());
    assertThat(c.podMetadata()).isEqualTo(e.podMetadata());
    assertThat(c.podSpecPath()).isEqualTo(e.podSpecPath());
    assertThat(c.containers()).extracting(w -> w.path().toString() + " " + w.describe())
        .containsExactly("spec.initContainers[0] init container \"init\"", "spec.containers[0] container \"web\"",
            "spec.ephemeralContainers[0] ephemeral container \"debug\"")
        .isEqualTo(e.containers().stream().map(w -> w.path().toString() + " " + w.describe()).toList());
    assertThat(c.serviceAccountName()).isEqualTo("default");
  }
}
