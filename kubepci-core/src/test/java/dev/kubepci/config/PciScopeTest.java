package dev.kubepci.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.ScopeZone;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PciScopeTest {
  private static final Provenance HERE = Provenance.ofFile("test.yaml", 1, 1);

  private final Inventory inventory = Inventory.of(List.of(
      new Resource(new NamespaceBuilder().withNewMetadata().withName("pay").addToLabels("pci", "cde").endMetadata()
          .build(), HERE),
      new Resource(new DeploymentBuilder().withNewMetadata().withName("tok").withNamespace("shared").endMetadata()
          .withNewSpec().withNewTemplate().withNewMetadata().addToLabels("pci", "cde").endMetadata().withNewSpec().endSpec()
          .endTemplate()
          .endSpec().build(), HERE),
      new Resource(new ConfigMapBuilder().withNewMetadata().withName("cm").withNamespace("web").endMetadata().build(),
          HERE)));

  @Test
  void undeclaredScopeLeavesEverythingUnscoped() {
    PciScope scope = PciScope.of(KubepciConfig.EMPTY, inventory);
    assertThat(scope.isDeclared()).isFalse();
    assertThat(scope.classifyNamespace("pay")).isEqualTo(ScopeZone.UNSCOPED);
  }

  @Test
  void namespacesMatchByNameOrLabelAndWorkloadsByPodLabels() {
    KubepciConfig config = new KubepciConfig(new KubepciConfig.Scope(
        new KubepciConfig.Selection(List.of(), List.of("pci=cde")),
        new KubepciConfig.Selection(List.of("web"), List.of())), null, null);
    PciScope scope = PciScope.of(config, inventory);
    assertThat(scope.classifyNamespace("pay")).isEqualTo(ScopeZone.CDE);
    assertThat(scope.classifyNamespace("web")).isEqualTo(ScopeZone.CONNECTED);
    assertThat(scope.classifyNamespace("other")).isEqualTo(ScopeZone.OUT_OF_SCOPE);
    assertThat(scope.classify(inventory.get("Deployment", "shared", "tok").orElseThrow())).isEqualTo(ScopeZone.CDE);
    assertThat(scope.classify((Resource) null)).isEqualTo(ScopeZone.SHARED);
  }
}
