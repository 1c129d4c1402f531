package dev.kubepci.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CniEnforcesPoliciesRuleTest {
  private final RuleTester tester = RuleTester.of(new CniEnforcesPoliciesRule());

  @Test
  void flagsFlannelAlone() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: kube-flannel-ds     # expect-violation: the network plugin flannel does not enforce NetworkPolicy
          namespace: kube-flannel
        spec:
          template:
            spec:
              containers: [{name: kube-flannel, image: docker.io/flannel/flannel:v0.26.1}]
        """).assertMarkedViolations().assertObserved("flannel");
  }

  @Test
  void flagsAwsVpcCniWithoutItsPolicyAgent() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: aws-node            # expect-violation: network policy agent enabled
          namespace: kube-system
        spec:
          template:
            spec:
              initContainers: [{name: aws-vpc-cni-init, image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni-init:v1.19.0}]
              containers: [{name: aws-node, image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0}]
        """).assertMarkedViolations();
  }

  @Test
  void passesWithCalicoAndFlagsCiliumPoliciesItIgnores() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: calico-node, namespace: calico-system}
        spec:
          template:
            spec:
              containers: [{name: calico-node, image: quay.io/calico/node:v3.29.1}]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy     # expect-violation: has no effect
        metadata: {name: deny, namespace: shop}
        spec:
          endpointSelector: {}
          ingress: [{}]
        """).assertMarkedViolations();
    assertThat(given.findings()).singleElement().satisfies(f -> assertThat(f.severity().name()).isEqualTo("MEDIUM"));
    assertThat(given.result().tables().get(0).rows()).containsExactly(
        java.util.List.of("calico", "DaemonSet/calico-system/calico-node", "yes",
            "Calico (Felix) enforces NetworkPolicy and Calico policies"));
  }

  @Test
  void passesWithCiliumPods() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: cilium-x7k2p, namespace: kube-system}
        spec:
          containers: [{name: cilium-agent, image: quay.io/cilium/cilium:v1.16.5}]
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWhenNoPluginIsRecognised() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: web, image: web}]
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("no network plugin that enforces NetworkPolicy was recognised");
  }

  @Test
  void isNotAssessedOnManagedClusterNamingTheProviderCommand() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: ip-10-0-1-5
          labels: {eks.amazonaws.com/nodegroup: general}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("aws eks describe-cluster");
  }
}
