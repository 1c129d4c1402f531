package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExposedManagementServiceRuleTest {
  private final RuleTester tester = RuleTester.of(new ExposedManagementServiceRule());

  private static final String DASHBOARD = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
      spec:
        template:
          metadata: {labels: {k8s-app: kubernetes-dashboard}}
          spec:
            containers: [{name: d, image: docker.io/kubernetesui/dashboard:v2.7.0}]
      ---
      """;

  @Test
  void flagsDashboardOnANodePort() {
    tester.given(DASHBOARD + """
        apiVersion: v1
        kind: Service
        metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
        spec:
          type: NodePort            # expect-violation: exposes Kubernetes Dashboard on a port of every node
          selector: {k8s-app: kubernetes-dashboard}
          ports: [{port: 443, targetPort: 8443, nodePort: 30443}]
        """).assertMarkedViolations().assertObserved("NodePort");
  }

  @Test
  void flagsApiServerPortBehindAnOpenLoadBalancer() {
    tester.given("""
        apiVersion: v1
        kind: Service
        metadata: {name: api-public, namespace: kube-system}
        spec:
          type: LoadBalancer
          ports: [{port: 443, targetPort: 6443}]
          loadBalancerSourceRanges:   # expect-violation: on a load balancer open to 0.0.0.0/0
            - 0.0.0.0/0
          externalIPs:                # expect-violation: on external IPs 198.51.100.7
            - 198.51.100.7
        """).assertMarkedViolations();
  }

  @Test
  void passesForAllowListedAndInternalLoadBalancersAndClusterIp() {
    var given = tester.given(DASHBOARD + """
        apiVersion: v1
        kind: Service
        metadata: {name: dash-admin, namespace: kubernetes-dashboard}
        spec:
          type: LoadBalancer
          selector: {k8s-app: kubernetes-dashboard}
          loadBalancerSourceRanges: [10.8.0.0/16]
          ports: [{port: 443}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: dash-internal
          namespace: kubernetes-dashboard
          annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "true"}
        spec:
          type: LoadBalancer
          selector: {k8s-app: kubernetes-dashboard}
          ports: [{port: 443}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: kubernetes-dashboard, namespace: kubernetes-dashboard}
        spec:
          selector: {k8s-app: kubernetes-dashboard}
          ports: [{port: 443}]
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).contains(List.of("Service/kubernetes-dashboard/dash-admin",
        "LoadBalancer", "Kubernetes Dashboard", "load balancer", "10.8.0.0/16"));
  }

  @Test
  void ignoresApplicationServices() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: web}
        spec:
          template:
            metadata: {labels: {app: shop}}
            spec:
              containers: [{name: s, image: registry.example.com/shop:1.0}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop, namespace: web}
        spec:
          type: LoadBalancer
          selector: {app: shop}
          ports: [{port: 443}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
