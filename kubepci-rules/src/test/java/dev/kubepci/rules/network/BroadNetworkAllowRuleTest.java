package dev.kubepci.rules.network;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class BroadNetworkAllowRuleTest {
  private final RuleTester tester = RuleTester.of(new BroadNetworkAllowRule());

  @Test
  void flagsIngressFromTheWholeInternet() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: public, namespace: ingress-nginx}
        spec:
          podSelector: {matchLabels: {app: ingress-nginx}}
          policyTypes: [Ingress]
          ingress:
            - from:                           # expect-violation: allows ingress from any Internet address on TCP 443
                - ipBlock: {cidr: 0.0.0.0/0}
              ports: [{port: 443}]
            - from:
                - ipBlock: {cidr: 10.0.10.0/24}
        """).assertMarkedViolations().assertObserved("ipBlock 0.0.0.0/0 on TCP 443");
  }

  @Test
  void flagsEmptyPeersAndEmptyNamespaceSelectors() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: wide, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          ingress:
            - from:                           # expect-violation: from every pod of every namespace
                - namespaceSelector: {}
          egress:
            - ports: [{port: 53, protocol: UDP}]
            - to: [{podSelector: {}}, {namespaceSelector: {}}, {ipBlock: {cidr: 0.0.0.0/0}}]   # expect-violation: allows egress to any Internet address on all ports
        """).assertMarkedViolations();
  }

  @Test
  void internetOnlyEgressExceptPrivateRangesIsStillTheWholeInternet() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: to-internet, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
          egress:
            - to:                             # expect-violation: allows egress to any Internet address
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}
        """).assertMarkedViolations();
  }

  @Test
  void passesWithNarrowPeers() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: narrow, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - podSelector: {matchLabels: {app: web}}
                - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: batch}}
          egress:
            - to: [{ipBlock: {cidr: 203.0.113.0/24}}]
        """).assertNoViolations();
  }

  @Test
  void flagsAPolicyPartItCannotRead() {
    tester.given("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: typo, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - from:
                - ipBlock:
                    cidr: 10.0.0.0/40         # expect-violation: is not a CIDR
        """).assertMarkedViolations();
  }

  @Test
  void flagsCiliumWorldEntityOnCilium() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: cilium, namespace: kube-system}
        spec:
          template:
            spec:
              containers: [{name: cilium-agent, image: quay.io/cilium/cilium:v1.16.5}]
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: out, namespace: shop}
        spec:
          endpointSelector: {}
          egress:
            - toEntities: [world]             # expect-violation: allows egress to any Internet address
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableWithoutPolicies() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
