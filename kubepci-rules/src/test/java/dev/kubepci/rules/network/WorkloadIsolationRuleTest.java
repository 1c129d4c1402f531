package dev.kubepci.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadIsolationRuleTest {
  private final RuleTester tester = RuleTester.of(new WorkloadIsolationRule());

  @Test
  void flagsWorkloadThatNoPolicySelectsForEgress() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: web}      # expect-violation: for egress: they may connect anywhere
            spec:
              initContainers: [{name: init, image: busybox}]
              containers: [{name: web, image: web}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-in, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
            - from: [{namespaceSelector: {matchLabels: {team: edge}}}]
              ports: [{port: 8080}]
        """).assertMarkedViolations().assertObserved("{app=web}");
    assertThat(given.result().tables().get(0).rows()).containsExactly(List.of("Deployment/shop/web", "shop", "yes",
        "no", "all pods in namespaces team=edge (TCP 8080)", "anyone"));
  }

  @Test
  void flagsBothDirectionsOfAnUnselectedPod() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: shop
          labels: {app: debug}      # expect-violation: for ingress
        spec:
          containers: [{name: sh, image: busybox}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: only-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenADefaultDenyIsolatesEverything() {
    var given = tester.given("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: report}}
                spec:
                  containers: [{name: job, image: job}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows().get(0)).containsExactly("CronJob/shop/report", "shop", "yes",
        "yes", "nothing", "nothing");
  }

  @Test
  void listsHostNetworkWorkloadsWithoutFailingThem() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-exporter, namespace: monitoring}
        spec:
          template:
            spec:
              hostNetwork: true
              containers: [{name: exporter, image: prom/node-exporter}]
        """).assertStatus(Status.NOT_APPLICABLE);
    assertThat(given.result().notes()).anyMatch(n -> n.contains("use the node's network"));
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec:
          ports: [{port: 80}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
