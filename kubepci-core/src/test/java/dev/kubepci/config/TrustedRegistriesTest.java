package dev.kubepci.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedRegistriesTest {
  @Test
  void matchesHostsPathPrefixesAndWildcards() {
    TrustedRegistries trusted = TrustedRegistries.of(List.of("registry.k8s.io", "quay.io/calico/",
        "https://*.azurecr.io", "docker.io/library"));
    assertThat(trusted.trusting(ImageReference.parse("registry.k8s.io/pause:3.10"))).contains("registry.k8s.io");
    assertThat(trusted.trusting(ImageReference.parse("quay.io/calico/node:v3"))).contains("quay.io/calico");
    assertThat(trusted.trusting(ImageReference.parse("quay.io/calicoish/node:v3"))).isEmpty();
    assertThat(trusted.trusting(ImageReference.parse("quay.io/prometheus/prometheus"))).isEmpty();
    assertThat(trusted.trusting(ImageReference.parse("acme.azurecr.io/api:1"))).contains("*.azurecr.io");
    assertThat(trusted.trusting(ImageReference.parse("nginx:1.27"))).contains("docker.io/library");
    assertThat(trusted.trusting(ImageReference.parse("index.docker.io/library/nginx"))).contains("docker.io/library");
    assertThat(trusted.trusting(ImageReference.parse("grafana/grafana"))).isEmpty();
  }

  /** Before, {@code *} or an empty entry was kept and matched no image: the user's intent lost without a word. */
  @Test
  void refusesAnEntryThatNamesNoRegistry() {
    for (String entry : List.of("", "  ", "*", "**", "https://", "/library", "*.*", "*/library", "*.*:5000/x",
        "bad host", "reg\u001b[31m.io", "a..b", "-a.io", "host:port")) {
      assertThatThrownBy(() -> TrustedRegistries.of(List.of("registry.k8s.io", entry)))
          .as("'%s'", entry).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("trustedRegistries: entry 2 ('" + entry + "') names no registry");
    }
    assertThatThrownBy(() -> TrustedRegistries.of(java.util.Arrays.asList("quay.io", null)))
        .hasMessageStartingWith("trustedRegistries: entry 2 (empty) names no registry");
    assertThat(TrustedRegistries.of(List.of()).trusting(ImageReference.parse("nginx"))).isEmpty();
    assertThat(TrustedRegistries.of(List.of("https://Quay.io/calico/*")).entries()).containsExactly("quay.io/calico");
    assertThat(TrustedRegistries.of(List.of("localhost:5000", "[::1]:5000/team", "*.dkr.ecr.*.amazonaws.com",
        "10.0.0.7")).entries()).hasSize(4);
  }

  @Test
  void imageReferenceKnowsWhetherItNamedItsRegistry() {
    assertThat(ImageReference.parse("nginx").explicitRegistry()).isFalse();
    assertThat(ImageReference.parse("grafana/grafana:11").explicitRegistry()).isFalse();
    assertThat(ImageReference.parse("localhost:5000/app").explicitRegistry()).isTrue();
    assertThat(ImageReference.parse("docker.io/library/nginx").matchForms())
        .contains("docker.io/library/nginx", "index.docker.io/library/nginx", "docker.io/nginx");
  }
}
