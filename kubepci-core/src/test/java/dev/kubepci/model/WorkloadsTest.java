package dev.kubepci.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static Resource resource(String yaml) {
    HasMetadata o = SERIALIZATION.unmarshal(yaml);
    return new Resource(o, Provenance.ofFile("t.yaml", 1, 1));
  }

  @Test
  void cronJobTemplateSitsUnderJobTemplate() {
    Workload w = Workloads.of(resource("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c, namespace: n}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: c}}
                spec:
                  initContainers: [{name: i, image: i}]
                  containers: [{name: c, image: c}]
        """)).orElseThrow();
    assertThat(w.podSpecPath()).hasToString("spec.jobTemplate.spec.template.spec");
    assertThat(w.podLabels()).containsEntry("app", "c");
    assertThat(w.containers()).extracting(c -> c.path().toString()).containsExactly(
        "spec.jobTemplate.spec.template.spec.initContainers[0]", "spec.jobTemplate.spec.template.spec.containers[0]");
    assertThat(w.serviceAccountName()).isEqualTo("default");
  }

  @Test
  void readsPodTemplatesOfGenericKinds() {
    Resource r = resource("""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r, namespace: n}
        spec:
          template:
            spec:
              containers: [{name: app, image: app:1}]
        """);
    assertThat(r.object()).isInstanceOf(GenericKubernetesResource.class);
    assertThat(Workloads.of(r).orElseThrow().containers()).extracting(Workload.ContainerRef::name).containsExactly("app");
  }

  @Test
  void ephemeralContainersComeLast() {
    Workload w = Workloads.of(resource("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: n}
        spec:
          containers: [{name: app, image: app:1}]
          ephemeralContainers: [{name: dbg, image: busybox}]
        """)).orElseThrow();
    assertThat(w.containers()).extracting(c -> c.type()).containsExactly(
        Workload.ContainerType.CONTAINER, Workload.ContainerType.EPHEMERAL);
    assertThat(w.containers().get(1).path()).hasToString("spec.ephemeralContainers[0]");
  }

  @Test
  void objectsWithoutPodsAreNoWorkloads() {
    Resource cm = new Resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build(),
        Provenance.ofFile("t.yaml", 1, 1));
    assertThat(Workloads.of(cm)).isEmpty();
  }
}
