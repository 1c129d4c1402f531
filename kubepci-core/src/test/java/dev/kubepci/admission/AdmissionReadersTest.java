package dev.kubepci.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.Coverage;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small readers the admission rules share: pod resources, control keywords, PSA labels. */
class AdmissionReadersTest {
  @Test
  void podResourcesArePodsControllersAndWildcardsWithAnySubresource() {
    assertThat(PodResources.named("pods")).isTrue();
    assertThat(PodResources.named("pods/ephemeralcontainers")).isTrue();
    assertThat(PodResources.named("deployments/scale")).isTrue();
    assertThat(PodResources.named("*")).isTrue();
    assertThat(PodResources.named("*/*")).isTrue();
    assertThat(PodResources.named("configmaps")).isFalse();
    assertThat(PodResources.inRules(List.of(Map.of("resources", List.of("services")),
        Map.of("resources", List.of("cronjobs"))))).isTrue();
    assertThat(PodResources.inRules(List.of(Map.of("resources", List.of("services"))))).isFalse();
  }

  @Test
  void aWebhookWithoutNamespaceSelectorCoversEveryNamespace() {
    AdmissionWebhooks.Hook open = new AdmissionWebhooks.Hook(null, 0, "w", null, null, "Fail", null, null, true,
        java.util.Optional.empty());
    assertThat(open.covers(Map.of())).isTrue();
    assertThat(open.covers(Map.of("a", "b"))).isTrue();
    AdmissionWebhooks.Hook selective = new AdmissionWebhooks.Hook(null, 0, "w", null, null, "Fail",
        Map.of("matchExpressions", List.of(Map.of("key", "skip", "operator", "DoesNotExist"))), null, true,
        java.util.Optional.empty());
    assertThat(selective.covers(Map.of())).isTrue();
    assertThat(selective.covers(Map.of("skip", "yes"))).isFalse();
  }

  @Test
  void objectSelectorsBecomeExemptionsUnlessEmpty() {
    List<String> exemptions = new java.util.ArrayList<>();
    PodResources.addObjectSelector(exemptions, null);
    PodResources.addObjectSelector(exemptions, Map.of());
    PodResources.addObjectSelector(exemptions, Map.of("matchLabels", Map.of("policy", "on")));
    assertThat(exemptions).containsExactly("applies only to objects labelled policy=on");
  }

  @Test
  void securityControlsAreReadFromPolicyBodiesAndNames() {
    assertThat(SecurityControls.named("K8sPSPPrivilegedContainer")).containsExactly("privileged");
    assertThat(SecurityControls.named("K8sPSPHostNetworkingPorts")).containsExactly("hostNamespaces", "hostPorts");
    assertThat(SecurityControls.named("registry://ghcr.io/kubewarden/policies/allow-privilege-escalation-psp:v0.2"))
        .containsExactly("allowPrivilegeEscalation");
    assertThat(SecurityControls.named("{\"pattern\":{\"metadata\":{\"labels\":{\"team\":\"?*\"}}}}")).isEmpty();
    assertThat(SecurityControls.levelOf(SecurityControls.ofLevel(PssLevel.BASELINE))).isEqualTo(PssLevel.BASELINE);
    assertThat(SecurityControls.levelOf(SecurityControls.ofLevel(PssLevel.RESTRICTED)))
        .isEqualTo(PssLevel.RESTRICTED);
    assertThat(SecurityControls.levelOf(List.of("privileged"))).isNull();
  }

  @Test
  void podSecurityLabelsDefaultTheVersionAndFallBackToRestrictedWhenInvalid() {
    PodSecurityLabels labels = PodSecurityLabels.of(Map.of(
        "pod-security.kubernetes.io/enforce", "baseline",
        "pod-security.kubernetes.io/audit", "restricted",
        "pod-security.kubernetes.io/audit-version", "v1.30",
        "pod-security.kubernetes.io/warn", "restricted",
        "pod-security.kubernetes.io/warn-version", "v2"));
    assertThat(labels.enforce().level()).isEqualTo(PssLevel.BASELINE);
    assertThat(labels.enforce().version()).isEqualTo(PssVersion.LATEST);
    assertThat(labels.enforce().describe()).isEqualTo("baseline@latest");
    assertThat(labels.audit().describe()).isEqualTo("restricted@v1.30");
    assertThat(labels.warn().invalid()).isTrue();
    assertThat(labels.warn().describe()).isEqualTo("restricted@v2 (invalid: restricted@latest applies)");
    assertThat(PodSecurityLabels.of(Map.of()).enforce().isSet()).isFalse();
    assertThat(labels.enforce().levelPath().toString())
        .isEqualTo("metadata.labels['pod-security.kubernetes.io/enforce']");
  }

  @Test
  void gatekeeperTemplatesWithoutCollectedConstraintsLeaveAClusterNamespaceUndecided() {
    KubernetesSerialization yaml = new KubernetesSerialization();
    List<Resource> objects = new java.util.ArrayList<>();
    for (String doc : List.of("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        """, """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata:
          name: k8spspprivilegedcontainer
        spec:
          crd:
            spec:
              names:
                kind: K8sPSPPrivilegedContainer
        """)) {
      objects.add(new Resource((HasMetadata) yaml.unmarshal(doc), Provenance.ofCluster("https://k8s", null)));
    }
    Inventory cluster = Inventory.of(objects, Coverage.cluster(Map.of()), ClusterInfo.UNKNOWN);
    NamespaceAdmission admission = AdmissionLandscape.of(cluster, "shop");
    assertThat(admission.restricting()).isEmpty();
    assertThat(admission.unconfirmed()).singleElement().satisfies(e -> assertThat(e.policy())
        .isEqualTo("K8sPSPPrivilegedContainer constraints (not collected from the cluster)"));
    assertThat(admission.strength()).isEqualTo("unconfirmed");
    assertThat(AdmissionLandscape.of(Inventory.of(objects), "shop").unconfirmed()).isEmpty();
  }
}
