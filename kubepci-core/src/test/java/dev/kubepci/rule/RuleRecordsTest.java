package dev.kubepci.rule;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public constructors of the engine's records hold what their factories guarantee. */
class RuleRecordsTest {
  private static final List<Outcome.Failure> ONE_FAILURE =
      List.of(new Outcome.Failure(null, Violation.at(FieldPath.root(), "x", "x is set")));

  @Test
  void anOutcomeHasAReasonExactlyWhenNotEvaluated() {
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.EVALUATED, "why", ONE_FAILURE, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.NOT_ASSESSED, null, List.of(), 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> new Outcome(Outcome.Kind.EVALUATED, null, ONE_FAILURE, 2, List.of(), List.of()))
        .doesNotThrowAnyException();
  }

  @Test
  void onlyAnEvaluatedOutcomeCountsFailuresAndPasses() {
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.NOT_APPLICABLE, "none", ONE_FAILURE, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.MANUAL, "look", List.of(), 1, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.EVALUATED, null, ONE_FAILURE, -1, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.EVALUATED, null, List.of(), 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theComponentsOfAnyOfNeedTheReasonForAPartlyVisibleResult() {
    List<Components<?>> parts = List.of(Components.of(ControlPlane.Component.KUBE_APISERVER), Components.kubelets());
    assertThatThrownBy(() -> Components.anyOf(parts, "kube-apiserver, kubelet", NotVisible.collect(), "none", null))
        .isInstanceOf(IllegalArgumentException.class);
    Components<Resource> part = Components.kubelets();
    assertThatThrownBy(() -> new Components<>(part.type(), part.lister(), part.resourceOf(), null, null, null, null,
        List.of(), null)).isInstanceOf(NullPointerException.class).hasMessage("shownAs");
  }

  @Test
  void aWorkloadNamespaceIsOnItsNamespaceObject() {
    Provenance at = Provenance.ofFile("t.yaml", 1, 1);
    Resource shop = new Resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(), at);
    Resource pod = new Resource(new PodBuilder().withNewMetadata().withName("shop").withNamespace("shop")
        .endMetadata().build(), at);
    assertThatCode(() -> new WorkloadNamespace("shop", shop, true, List.of())).doesNotThrowAnyException();
    assertThatThrownBy(() -> new WorkloadNamespace("shop", null, true, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new WorkloadNamespace("web", shop, false, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkloadNamespace("shop", pod, true, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
