package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeletAuthenticationRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletAuthenticationRule());

  @Test
  void flagsAnonymousKubeletWithoutWebhook() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        authentication:
          anonymous:
            enabled: true      # expect-violation: the kubelet serves anonymous requests
          webhook:
            enabled: false     # expect-violation: does not check bearer tokens with the API server
        """).assertMarkedViolations().assertObserved("true");
  }

  @Test
  void passesTheConfigurationFileDefaults() {
    var given = tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        cgroupDriver: systemd
        """).assertNoViolations();
    assertThat(given.result().notes()).anySatisfy(n -> assertThat(n).contains("command-line flags"));
  }

  @Test
  void passesExplicitSettings() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        authentication:
          anonymous: {enabled: false}
          webhook: {enabled: true}
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutKubeletConfiguration() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("configz");
  }
}
