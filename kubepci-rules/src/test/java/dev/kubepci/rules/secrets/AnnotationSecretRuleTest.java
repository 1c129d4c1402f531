package dev.kubepci.rules.secrets;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AnnotationSecretRuleTest {
  private final RuleTester tester = RuleTester.of(new AnnotationSecretRule());

  @Test
  void flagsSecretsInObjectAndPodTemplateAnnotations() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: exporter
          namespace: monitoring
          annotations:
            backup.example.com/api-token: EXAMPLE-backup-token    # expect-violation: annotation backup.example.com/api-token holds a literal secret (detector secret-named-key
        spec:
          template:
            metadata:
              annotations:
                notify.example.com/webhook: https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/EXAMPLEEXAMPLE   # expect-violation: (detector slack-webhook
            spec:
              containers:
                - name: exporter
                  image: exporter:1
        """).assertMarkedViolations();
  }

  @Test
  void skipsTheLastAppliedConfigurationAndOrdinaryAnnotations() {
    tester.given("""
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"data":{"SMTP_PASSWORD":"EXAMPLE"}}'
            meta.helm.sh/release-name: web
            checksum/config: 4f9a0c3e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f
            service.beta.kubernetes.io/aws-load-balancer-ssl-cert: arn:aws:acm:eu-west-1:123456789012:certificate/abc
        spec:
          ports:
            - port: 443
        """).assertNoViolations();
  }

  @Test
  void passesObjectsWithoutAnnotations() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          initContainers:
            - name: init
              image: init:1
          containers:
            - name: p
              image: p:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToSecrets() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
          namespace: shop
          annotations:
            password: EXAMPLE-in-a-secret
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
