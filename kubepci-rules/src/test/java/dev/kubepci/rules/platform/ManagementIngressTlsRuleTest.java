package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ManagementIngressTlsRuleTest {
  private final RuleTester tester = RuleTester.of(new ManagementIngressTlsRule());

  private static final String GRAFANA = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: grafana, namespace: monitoring}
      spec:
        template:
          metadata: {labels: {app: grafana}}
          spec:
            containers: [{name: grafana, image: grafana/grafana:11.3.0}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: grafana, namespace: monitoring}
      spec:
        selector: {app: grafana}
        ports: [{name: http, port: 80, targetPort: 3000}]
      ---
      """;

  @Test
  void flagsGrafanaIngressWithoutTls() {
    tester.given(GRAFANA + """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: grafana, namespace: monitoring}
        spec:
          rules:
            - host: grafana.internal.example.com   # expect-violation: publishes Grafana at grafana.internal.example.com without TLS
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: grafana, port: {name: http}}}
        """).assertMarkedViolations();
  }

  @Test
  void passesWithAWildcardCertificate() {
    tester.given(GRAFANA + """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: grafana, namespace: monitoring}
        spec:
          tls: [{hosts: ["*.internal.example.com"], secretName: wildcard}]
          rules:
            - host: grafana.internal.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: grafana, port: {name: http}}}
        """).assertNoViolations();
  }

  @Test
  void ignoresApplicationIngresses() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: web}
        spec:
          rules:
            - host: shop.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: shop, port: {number: 80}}}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
