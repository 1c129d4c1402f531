package dev.kubepci.collect.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownResourcesTest {
  @Test
  void plainKindsMeanTheBuiltInGroups() {
    assertThat(KnownResources.forRead("Deployment")).hasValueSatisfying(k -> {
      assertThat(k.group()).isEqualTo("apps");
      assertThat(k.resource()).isEqualTo("deployments");
      assertThat(k.namespaced()).isTrue();
    });
    // Calico's NetworkPolicy never answers for the plain name
    assertThat(KnownResources.forRead("NetworkPolicy").orElseThrow().group()).isEqualTo("networking.k8s.io");
    assertThat(KnownResources.forRead("crd.projectcalico.org/NetworkPolicy").orElseThrow().group())
        .isEqualTo("crd.projectcalico.org");
    assertThat(KnownResources.forRead("kyverno.io/ClusterPolicy").orElseThrow().namespaced()).isFalse();
    assertThat(KnownResources.forRead("ClusterPolicy")).isEmpty();
  }

  @Test
  void readNamesRoundTrip() {
    for (KnownResources.Known k : KnownResources.all()) {
      assertThat(KnownResources.forRead(k.readName())).hasValue(k);
    }
  }

  @Test
  void configurationFilesAreNeverApiKinds() {
    assertThat(KnownResources.isConfigFile(KindRequest.parse("KubeletConfiguration"))).isTrue();
    assertThat(KnownResources.isConfigFile(KindRequest.parse("audit.k8s.io/Policy"))).isTrue();
    assertThat(KnownResources.isConfigFile(KindRequest.parse("kyverno.io/Policy"))).isFalse();
    assertThat(KnownResources.unknown(List.of("Pod", "KubeletConfiguration", "example.com/Widget", "x.io/*")))
        .containsExactly("example.com/Widget");
  }

  @Test
  void kindRequestsParseGroupsAndWildcards() {
    assertThat(KindRequest.parse("Pod")).isEqualTo(new KindRequest("Pod", null, "Pod"));
    assertThat(KindRequest.parse("constraints.gatekeeper.sh/*").isWildcard()).isTrue();
    assertThat(KindRequest.parse("constraints.gatekeeper.sh/*").group()).isEqualTo("constraints.gatekeeper.sh");
  }

  @Test
  void theReaderRoleGrantsListOnExactlyTheReadKinds() {
    assertThat(ReaderRole.grants(List.of("Pod", "Deployment", "kyverno.io/ClusterPolicy", "KubeletConfiguration",
        "constraints.gatekeeper.sh/*"))).containsExactly(
            new ReaderRole.Grant("", List.of("namespaces", "nodes", "pods")),
            new ReaderRole.Grant("apps", List.of("deployments")),
            new ReaderRole.Grant("constraints.gatekeeper.sh", List.of("*")),
            new ReaderRole.Grant("kyverno.io", List.of("clusterpolicies")));
    String yaml = ReaderRole.yaml(List.of("Secret", "example.com/Widget"));
    assertThat(yaml).contains("# Not in kubepci's table of resources, grant list on it by hand: example.com/Widget")
        .contains("RBAC cannot limit list\n# to metadata")
        .contains("  resources: [namespaces, nodes, secrets]\n  verbs: [list]\n");
  }
}
