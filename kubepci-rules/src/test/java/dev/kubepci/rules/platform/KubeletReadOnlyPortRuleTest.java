package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeletReadOnlyPortRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletReadOnlyPortRule());

  @Test
  void flagsReadOnlyPortAndOldTls() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 10255           # expect-violation: serves the unauthenticated read-only port 10255
        tlsMinVersion: VersionTLS10   # expect-violation: accepts VersionTLS10
        """).assertMarkedViolations().assertObserved("10255");
  }

  @Test
  void passesWhenTheReadOnlyPortIsAbsentFromTheConfigFile() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        authentication: {anonymous: {enabled: false}}
        tlsMinVersion: VersionTLS12
        """).assertNoViolations();
  }

  @Test
  void passesWithPortZero() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 0
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutKubeletConfiguration() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
