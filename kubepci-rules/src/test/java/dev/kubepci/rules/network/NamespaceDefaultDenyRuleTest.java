package dev.kubepci.rules.network;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class NamespaceDefaultDenyRuleTest {
  private final RuleTester tester = RuleTester.of(new NamespaceDefaultDenyRule());

  @Test
  void flagsNamespaceWithWorkloadsAndNoPolicy() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web         # expect-violation: namespace web runs workloads but has no default-deny NetworkPolicy for ingress or egress
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
  void flagsIngressOnlyDefaultDeny() {
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
          name: shop          # expect-violation: no default-deny NetworkPolicy for egress
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
  void passesWithDefaultDenyForBothDirections() {
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
        apiVersion: v1
        kind: Namespace
        metadata:
          name: empty
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
