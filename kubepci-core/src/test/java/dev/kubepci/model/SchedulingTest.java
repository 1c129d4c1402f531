package dev.kubepci.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingTest {
  private static final Taint CDE = new TaintBuilder().withKey("pool").withValue("cde").withEffect("NoSchedule").build();

  private static Node node(String name, String pool, Taint... taints) {
    return new NodeBuilder().withNewMetadata().withName(name).addToLabels("pool", pool).endMetadata()
        .withNewSpec().withTaints(taints).endSpec().build();
  }

  @Test
  void tolerationsMatchByKeyValueEffectAndExists() {
    Toleration exact = new TolerationBuilder().withKey("pool").withValue("cde").withEffect("NoSchedule").build();
    Toleration wrongValue = new TolerationBuilder().withKey("pool").withValue("web").build();
    Toleration anyEffect = new TolerationBuilder().withKey("pool").withOperator("Exists").build();
    Toleration everything = new TolerationBuilder().withOperator("Exists").build();
    Toleration otherEffect = new TolerationBuilder().withKey("pool").withOperator("Exists").withEffect("NoExecute")
        .build();
    assertThat(Scheduling.tolerates(List.of(exact), CDE)).isTrue();
    assertThat(Scheduling.tolerates(List.of(wrongValue), CDE)).isFalse();
    assertThat(Scheduling.tolerates(List.of(anyEffect), CDE)).isTrue();
    assertThat(Scheduling.tolerates(List.of(everything), CDE)).isTrue();
    assertThat(Scheduling.tolerates(List.of(otherEffect), CDE)).isFalse();
    assertThat(Scheduling.tolerates(null, CDE)).isFalse();
  }

  @Test
  void requiredAffinityAndNodeSelectorDecidePlacement() {
    PodSpec spec = new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
        .addNewMatchExpression().withKey("pool").withOperator("NotIn").withValues("cde").endMatchExpression()
        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .build();
    assertThat(Scheduling.selects(spec, node("a", "web"))).isTrue();
    assertThat(Scheduling.selects(spec, node("b", "cde"))).isFalse();
    assertThat(Scheduling.hasRequiredPlacement(spec)).isTrue();
    PodSpec selector = new PodSpecBuilder().addToNodeSelector("pool", "cde").build();
    assertThat(Scheduling.canRunOn(selector, node("c", "cde", CDE))).isFalse();
    assertThat(Scheduling.canRunOn(selector, node("c", "cde"))).isTrue();
  }

  private static PodSpec requiring(String operator, String... values) {
    return new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
        .addNewMatchExpression().withKey("pool").withOperator(operator).withValues(values).endMatchExpression()
        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
        .build();
  }

  @Test
  void nodeSelectorRequirementsTheApiServerRejectsMatchNoNode() {
    assertThat(Scheduling.selects(requiring("Exists"), node("a", "web"))).isTrue();
    assertThat(Scheduling.selects(requiring("Exists", "web"), node("a", "web"))).isFalse();
    assertThat(Scheduling.selects(requiring("NotIn"), node("a", "web"))).isFalse();
    assertThat(Scheduling.selects(requiring("In"), node("a", "web"))).isFalse();
    assertThat(Scheduling.selects(requiring("Bogus", "web"), node("a", "web"))).isFalse();
  }

  @Test
  void runtimeClassAddsItsSchedulingToThePod() {
    Inventory inventory = Inventory.of(List.of(new Resource(new RuntimeClassBuilder().withNewMetadata()
        .withName("gvisor").endMetadata().withHandler("runsc").withNewScheduling().addToNodeSelector("pool", "cde")
        .withTolerations(new TolerationBuilder().withKey("pool").withValue("cde").withEffect("NoSchedule").build())
        .endScheduling().build(), Provenance.ofFile("rc.yaml", 1, 1))));
    PodSpec spec = Scheduling.effective(new PodSpecBuilder().withRuntimeClassName("gvisor").build(), inventory);
    assertThat(spec.getNodeSelector()).containsEntry("pool", "cde");
    assertThat(Scheduling.canRunOn(spec, node("cde-1", "cde", CDE))).isTrue();
    assertThat(Scheduling.effective(new PodSpecBuilder().withRuntimeClassName("kata").build(), inventory)
        .getNodeSelector()).isNullOrEmpty();
  }
}
