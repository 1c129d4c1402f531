package dev.kubepci.rules.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdeNetworkSegmentationRuleTest {
  private final RuleTester tester = RuleTester.of(new CdeNetworkSegmentationRule()).withConfig(ScopeConfigs.PAY);

  private static final String PEERS = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: shop, namespace: edge}
      spec:
        template:
          metadata: {labels: {app: shop}}
          spec:
            containers: [{name: shop, image: shop}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: coredns, namespace: kube-system}
      spec:
        template:
          metadata: {labels: {k8s-app: kube-dns}}
          spec:
            containers: [{name: coredns, image: coredns}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: prometheus, namespace: monitoring}
      spec:
        template:
          metadata: {labels: {app: prometheus}}
          spec:
            containers: [{name: p, image: p}]
      ---
      """;

  private static final String SEGMENTED = """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny, namespace: pay}
      spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-edge, namespace: pay}
      spec:
        podSelector: {matchLabels: {app: api}}
        ingress:
          - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}}]
            ports: [{port: 8443}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: dns, namespace: pay}
      spec:
        podSelector: {}
        policyTypes: [Egress]
        egress:
          - to:
              - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                podSelector: {matchLabels: {k8s-app: kube-dns}}
            ports: [{port: 53, protocol: UDP}]
      ---
      """;

  @Test
  void passesWhenOnlyConnectedSystemsAndDnsAreReached() {
    var given = tester.given(PEERS + SEGMENTED + """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: pay}
        spec:
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: api}]
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).contains(
        List.of("Deployment/pay/api", "ingress", "a new pod in namespace edge", "connected", "TCP 8443",
            "NetworkPolicy/pay/from-edge spec.ingress[0]"),
        List.of("Deployment/pay/api", "egress", "Deployment/kube-system/coredns", "out-of-scope (cluster DNS)",
            "UDP 53", "NetworkPolicy/pay/dns spec.egress[0]"));
  }

  @Test
  void flagsScrapingFromAnOutOfScopeNamespace() {
    var given = tester.given(PEERS + SEGMENTED + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: scrape, namespace: pay}
        spec:
          podSelector: {}
          ingress:
            - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
              ports: [{port: 9090}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: pay}
        spec:
          template:
            metadata:
              labels: {app: db}       # expect-violation: accepts connections from out-of-scope a new pod in namespace monitoring (TCP 9090)
            spec:
              initContainers: [{name: init, image: init}]
              containers: [{name: db, image: db}]
        """).assertMarkedViolations();
    // the finding points at the labels the policies select on and shows their value; the peers are in the message
    assertThat(given.findings()).singleElement().satisfies(f -> {
      assertThat(f.path().toString()).isEqualTo("spec.template.metadata.labels");
      assertThat(f.observed()).isEqualTo("{app=db}");
      assertThat(f.message()).contains("a new pod in namespace monitoring (TCP 9090)");
    });
  }

  @Test
  void flagsEverythingWhenTheCdeHasNoPolicies() {
    var given = tester.given(PEERS + """
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: pay
          labels: {app: api}          # expect-violation: may connect to out-of-scope
        spec:
          containers: [{name: api, image: api}]
        """).assertStatus(Status.FAIL);
    assertThat(given.findings()).extracting(f -> f.message()).anyMatch(m -> m.contains("the Internet"))
        .anyMatch(m -> m.contains("any Internet address"));
  }

  @Test
  void flagsHostNetworkCdeWorkload() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: hsm-proxy, namespace: pay}
        spec:
          template:
            spec:
              hostNetwork: true       # expect-violation: uses the node's network
              containers: [{name: p, image: p}]
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableWithoutCdeWorkloads() {
    tester.given(PEERS).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void isManualWithoutDeclaredScope() {
    RuleTester.of(new CdeNetworkSegmentationRule()).given(PEERS).assertStatus(Status.MANUAL);
  }
}
