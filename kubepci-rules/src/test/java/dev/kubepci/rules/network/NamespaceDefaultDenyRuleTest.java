package dev.kubepci.rules.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class NamespaceDefaultDenyRuleTest {
  private final RuleTester tester = RuleTester.of(new NamespaceDefaultDenyRule());

  @Test
  void flagsNamespaceWithOnlyAnIngressDefaultDeny() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop                # expect-violation: has no default-deny policy for egress
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: web}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-ingress, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """).assertMarkedViolations().assertObserved("shop");
  }

  @Test
  void allowRuleInTheCatchAllPolicyIsNotADefaultDeny() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop                # expect-violation: no default-deny policy for ingress or egress
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers: [{name: init, image: busybox}]
                  containers: [{name: job, image: job}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-all, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress: [{}]
          egress: [{}]
        """).assertMarkedViolations();
  }

  @Test
  void passesWithDefaultDenyForBothDirections() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: shop, labels: {app: api}}
        spec:
          containers: [{name: api, image: api}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """).assertNoViolations();
    assertThat(given.result().tables()).singleElement().satisfies(t -> assertThat(t.rows())
        .containsExactly(java.util.List.of("shop", "1", "NetworkPolicy/shop/default-deny",
            "NetworkPolicy/shop/default-deny")));
  }

  @Test
  void acceptsCalicoGlobalDefaultDenyWhenCalicoRuns() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: calico-node, namespace: kube-system}
        spec:
          template:
            spec:
              hostNetwork: true
              containers: [{name: calico-node, image: quay.io/calico/node:v3.29.1}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: db}]
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: default-deny}
        spec:
          order: 5000
          selector: projectcalico.org/namespace != "kube-system"
          types: [Ingress, Egress]
        """).assertNoViolations();
  }

  @Test
  void policyTypesAbsentWithoutEgressRulesCoversIngressOnly() {
    // no Namespace object: the finding sits on the workload's document
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web               # expect-violation: no default-deny policy for egress
          namespace: shop
        spec:
          template:
            spec:
              containers: [{name: web, image: web}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {}
        """).assertMarkedViolations();
  }

  @Test
  void flagsNamespaceWithWorkloadsAndNoPolicy() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web         # expect-violation: namespace web runs 1 workload(s) but has no default-deny policy for ingress or egress
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: web
        spec:
          template:
            spec:
              containers:
                - name: shop
                  image: shop:1
        """).assertMarkedViolations();
  }

  @Test
  void flagsDefaultDenyWithoutPolicyTypesAsIngressOnly() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web         # expect-violation: for egress
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-ingress
          namespace: web
        spec:
          podSelector: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: web
        spec:
          containers:
            - name: p
              image: p:1
        """).assertMarkedViolations();
  }

  @Test
  void aPolicyWithAllowRulesOrASelectorIsNoDefaultDeny() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: allow-all-egress
          namespace: web
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress:
            - {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: deny-some
          namespace: web
        spec:
          podSelector:
            matchLabels:
              app: shop
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop          # expect-violation: no default-deny policy for egress
          namespace: web
        spec:
          template:
            spec:
              containers:
                - name: shop
                  image: shop:1
        """).assertMarkedViolations();
  }

  @Test
  void passesForStatefulSetWithDefaultDeny() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: payments
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: payments
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: db:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
