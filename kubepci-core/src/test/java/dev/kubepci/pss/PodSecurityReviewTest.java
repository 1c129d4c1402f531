package dev.kubepci.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.report.pss.PssJsonWriter;
import dev.kubepci.report.pss.PssTerminalWriter;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityReviewTest {
  private static Resource at(io.fabric8.kubernetes.api.model.HasMetadata object, int document) {
    return new Resource(object, Provenance.ofFile("in.yaml", document, document * 10));
  }

  private final List<Resource> input = List.of(
      at(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
          .withNewSpec().withNewTemplate().withNewSpec().withHostPID(true).addNewContainer().withName("web")
          .withImage("web:1").endContainer().endSpec().endTemplate().endSpec().build(), 1),
      at(new ConfigMapBuilder().withNewMetadata().withName("cfg").withNamespace("shop").endMetadata().build(), 2),
      at(new PodBuilder().withNewMetadata().withName("ok").withNamespace("shop").endMetadata().withNewSpec()
          .addNewContainer().withName("ok").withImage("ok:1").endContainer().endSpec().build(), 3));

  @Test
  void judgesEveryObjectWithAPodSpecInInputOrderAndSkipsTheRest() {
    PodSecurityReview review = PodSecurityReview.of(input, PssLevel.BASELINE, PssVersion.of(30));
    assertThat(review.entries()).extracting(e -> e.resource().name()).containsExactly("web", "ok");
    assertThat(review.skipped()).extracting(Resource::name).containsExactly("cfg");
    assertThat(review.deniedCount()).isEqualTo(1);
    assertThat(review.allowedCount()).isEqualTo(1);
    assertThat(review.entries().get(0).verdict().violations()).extracting(PssViolation::path)
        .containsExactly("spec.template.spec.hostPID");
  }

  @Test
  void writersShowTheRequestedVersionAndEveryViolation() {
    PodSecurityReview review = PodSecurityReview.of(input, PssLevel.BASELINE, PssVersion.LATEST);
    var json = PssJsonWriter.toJson(review);
    assertThat(json).hasSize(2);
    assertThat(json.get(0).version()).isEqualTo("latest");
    assertThat(json.get(0).resource().source().line()).isEqualTo(10);
    assertThat(json.get(0).violations()).extracting(v -> v.check()).containsExactly("hostNamespaces");
    String text = new PssTerminalWriter(false).render(review, List.of());
    assertThat(text).contains("policy version latest (checks of " + PssVersion.NEWEST_KNOWN + ")")
        .contains("DENIED   Deployment/shop/web").contains("1 object without a pod spec skipped: ConfigMap (1)");
  }
}
