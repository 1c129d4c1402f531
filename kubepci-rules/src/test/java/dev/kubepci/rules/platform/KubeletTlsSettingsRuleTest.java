package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeletTlsSettingsRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletTlsSettingsRule());

  @Test
  void flagsOldTlsAndBrokenSuites() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        tlsMinVersion: VersionTLS10   # expect-violation: accepts VersionTLS10
        tlsCipherSuites:
          - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
          - TLS_RSA_WITH_3DES_EDE_CBC_SHA        # expect-violation: broken cipher suite TLS_RSA_WITH_3DES_EDE_CBC_SHA
          - TLS_ECDHE_RSA_WITH_RC4_128_SHA       # expect-violation: broken cipher suite TLS_ECDHE_RSA_WITH_RC4_128_SHA
        """).assertMarkedViolations().assertObserved("VersionTLS10");
  }

  @Test
  void passesWithModernSettingsOrDefaults() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        tlsMinVersion: VersionTLS12
        tlsCipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]
        """).assertNoViolations();
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        authentication: {anonymous: {enabled: false}}
        """).assertNoViolations();
  }

  @Test
  void leavesTheReadOnlyPortToInsecurePorts() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        readOnlyPort: 10255
        tlsMinVersion: VersionTLS13
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
