package dev.kubepci.collect.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.model.Coverage;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotInventoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SnapshotInventory snapshot() throws Exception {
    SnapshotInventory inv = new SnapshotInventory();
    inv.header(SnapshotHeader.of(new SnapshotHeader.Producer("kubepci", "t"), "2026-03-01T12:00:00Z",
        new SnapshotHeader.Cluster("prod", "prod", "https://10.0.0.1:6443", Map.of("gitVersion", "v1.31.1")),
        List.of("KubeletConfiguration", "Pod")));
    inv.object((ObjectNode) JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\","
        + "\"namespace\":\"a\",\"uid\":\"u1\",\"resourceVersion\":\"7\"},\"spec\":{\"containers\":[]}}"));
    inv.trailer(SnapshotTrailer.of(1, List.of(
        new KindReport("KubeletConfiguration", null, null, null, null, KindReport.Outcome.NOT_IN_API, 0, null, null),
        new KindReport("Pod", "", "v1", "pods", true, KindReport.Outcome.COLLECTED, 1, null, null))));
    return inv;
  }

  @Test
  void objectsCarryTheClusterTheTimeAndTheirIdentity() throws Exception {
    CollectedInput input = snapshot().result(List.of("prod"));
    Resource pod = input.inventory().all().get(0);
    assertThat(pod.provenance()).isEqualTo(Provenance.ofCluster("https://10.0.0.1:6443",
        java.time.Instant.parse("2026-03-01T12:00:00Z")));
    assertThat(pod.ref().uid()).isEqualTo("u1");
    assertThat(pod.ref().resourceVersion()).isEqualTo("7");
    Inventory inv = input.inventory();
    assertThat(inv.coverage().source()).isEqualTo(Coverage.Source.CLUSTER);
    assertThat(inv.coverage().gap("Pod")).isEmpty();
    assertThat(inv.coverage().gap("KubeletConfiguration")).isPresent();
    assertThat(inv.clusterInfo().gitVersion()).isEqualTo("v1.31.1");
    assertThat(inv.clusterInfo().provider()).isNull();
  }

  @Test
  void filesGivenBesideASnapshotFillItsGaps() throws Exception {
    CollectedInput cluster = snapshot().result(List.of("prod"));
    Resource kubelet = new Resource(new GenericKubernetesResourceBuilder()
        .withApiVersion("kubelet.config.k8s.io/v1beta1").withKind("KubeletConfiguration").withNewMetadata()
        .withName("kubelet").endMetadata().build(), Provenance.ofFile("kubelet.yaml", 1, 1));
    CollectedInput files = new CollectedInput(Inventory.of(List.of(kubelet)), List.of(), List.of("kubelet.yaml"));

    CollectedInput both = SnapshotInventory.combine(cluster, files);

    assertThat(both.inventory().all()).hasSize(2);
    assertThat(both.inventory().coverage().gap("KubeletConfiguration")).isEmpty();
    assertThat(both.inventory().coverage().source()).isEqualTo(Coverage.Source.CLUSTER);
    assertThat(both.inventory().clusterInfo()).isEqualTo(cluster.inventory().clusterInfo());
    assertThat(both.inputs()).containsExactly("prod", "kubelet.yaml");
  }

  @Test
  void groupQualifiedReadsFindTheirCoverage() {
    Coverage c = Coverage.cluster(Map.of(
        "kyverno.io/ClusterPolicy", Coverage.KindStatus.missing("forbidden"),
        "ClusterRoleBinding", Coverage.KindStatus.missing("forbidden too")));
    assertThat(c.gap("kyverno.io/ClusterPolicy")).hasValue("forbidden");
    assertThat(c.gap("rbac.authorization.k8s.io/ClusterRoleBinding")).hasValue("forbidden too");
    assertThat(c.gap("ClusterPolicy")).hasValue("the collection did not list ClusterPolicy (it was taken for other "
        + "rules; collect again with the rules you run)");
    assertThat(Coverage.files().gap("ClusterPolicy")).isEmpty();
  }
}
