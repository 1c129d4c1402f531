package dev.kubepci.rules.auth;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeconfigInsecureTlsRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeconfigInsecureTlsRule());

  @Test
  void flagsSkippedVerificationAndPlainHttp() {
    tester.given("""
        apiVersion: v1
        kind: Config
        clusters:
          - name: prod-lb
            cluster:
              server: https://k8s-api.pay.example.com:6443
              insecure-skip-tls-verify: true     # expect-violation: kubeconfig cluster "prod-lb" skips verification of the API server's certificate
          - name: lab
            cluster:
              server: http://10.0.0.5:8080        # expect-violation: talks to the API server without TLS
        """).assertMarkedViolations();
  }

  @Test
  void passesVerifiedClusters() {
    tester.given("""
        apiVersion: v1
        kind: Config
        clusters:
          - name: prod
            cluster:
              server: https://10.0.10.10:6443
              certificate-authority-data: Q0EtREFUQQ==
              insecure-skip-tls-verify: false
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutKubeconfig() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: y}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
