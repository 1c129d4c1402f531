package dev.kubepci.rules.pki;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeletCertificateRotationRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletCertificateRotationRule());

  @Test
  void flagsDisabledRotationAndSelfSignedServing() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        rotateCertificates: false      # expect-violation: the kubelet does not rotate its client certificate
        serverTLSBootstrap: false      # expect-violation: serves with a self-signed certificate
        """).assertMarkedViolations();
  }

  @Test
  void flagsTheDefaultsWhenFieldsAreAbsent() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1   # expect-violation: rotateCertificates not set; the default is false
        kind: KubeletConfiguration
        metadata: {name: worker}
        """).assertMarkedViolations();
  }

  @Test
  void passesRotationThroughTheClusterCa() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        rotateCertificates: true
        serverTLSBootstrap: true
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutKubeletConfiguration() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
