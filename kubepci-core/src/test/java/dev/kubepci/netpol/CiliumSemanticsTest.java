package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.netpol.PortSet.Protocol;
import org.junit.jupiter.api.Test;

/** Cilium default-deny, endpoint selectors, entities, CIDR sets and deny rules, expectations worked out by hand. */
class CiliumSemanticsTest {
  private static final String CILIUM = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: cilium, namespace: kube-system}
      spec:
        template:
          spec:
            hostNetwork: true
            containers: [{name: cilium-agent, image: quay.io/cilium/cilium:v1.16.5}]
      """;

  private static NetworkPolicies model(String policies) {
    return Manifests.policies(KubernetesSemanticsTest.WORKLOADS, CILIUM, policies);
  }

  private static Reach reach(NetworkPolicies m, String from, String to) {
    return m.reach(Endpoints.resolve(from, m).get(0), Endpoints.resolve(to, m).get(0));
  }

  @Test
  void emptyIngressRuleIsADefaultDeny() {
    NetworkPolicies m = model("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: default-deny, namespace: shop}
        spec:
          endpointSelector: {}
          ingress: [{}]
          egress: [{}]
        """);
    assertThat(m.engine()).isEqualTo(PolicyKind.CILIUM);
    assertThat(m.defaultDeny("shop", Direction.INGRESS)).map(Policy::name)
        .contains("CiliumNetworkPolicy/shop/default-deny");
    assertThat(m.defaultDeny("shop", Direction.EGRESS)).isPresent();
    assertThat(m.defaultDeny("other", Direction.INGRESS)).isEmpty();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void fromEndpointsStaysInThePolicyNamespaceUnlessItNamesOne() {
    NetworkPolicies m = model("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: db, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app: db}}
          ingress:
            - fromEndpoints: [{matchLabels: {app: web}}]
              toPorts: [{ports: [{port: "5432", protocol: TCP}]}]
            - fromEndpoints: [{matchLabels: {"k8s:io.kubernetes.pod.namespace": other, app: batch}}]
        """);
    assertThat(reach(m, "shop/web", "shop/db").allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 5432));
    assertThat(reach(m, "other/client", "shop/db").isAllowed()).isFalse();
    assertThat(reach(m, "other/batch", "shop/db").allowed().ports()).isEqualTo(PortSet.ALL);
  }

  @Test
  void denyRulesWinOverAllowRules() {
    NetworkPolicies m = model("""
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: no-ssh}
        spec:
          endpointSelector: {}
          ingressDeny:
            - fromEntities: [all]
              toPorts: [{ports: [{port: "22"}]}]
          enableDefaultDeny: {ingress: false}
        ---
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: open, namespace: other}
        spec:
          endpointSelector: {}
          ingress: [{fromEntities: [all]}]
        """);
    Reach toOther = reach(m, "shop/web", "other/client");
    assertThat(toOther.isAllowed(Protocol.TCP, 22)).isFalse();
    assertThat(toOther.isAllowed(Protocol.TCP, 80)).isTrue();
    // the clusterwide deny-only policy does not make shop default-deny (enableDefaultDeny.ingress: false)
    Reach toShop = reach(m, "other/client", "shop/db");
    assertThat(toShop.ingress().isolated()).isFalse();
    assertThat(toShop.isAllowed(Protocol.UDP, 22)).isFalse();
    assertThat(toShop.isAllowed(Protocol.TCP, 443)).isTrue();
  }

  @Test
  void worldEntityAndCidrSetsReachOnlyOutside() {
    NetworkPolicies m = model("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web-egress, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app: web}}
          egress:
            - toCIDRSet: [{cidr: 0.0.0.0/0, except: [10.0.0.0/8]}]
              toPorts: [{ports: [{port: "443", protocol: TCP}]}]
            - toEntities: [world]
              toPorts: [{ports: [{port: "53", protocol: UDP}]}]
        """);
    Reach internet = reach(m, "shop/web", "internet");
    assertThat(internet.isAllowed(Protocol.TCP, 443)).isTrue();
    assertThat(internet.isAllowed(Protocol.UDP, 53)).isTrue();
    // Cilium CIDR rules never cover pods, even 0.0.0.0/0
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
    assertThat(reach(m, "shop/web", "10.1.1.1").isAllowed(Protocol.TCP, 443)).isFalse();
    assertThat(reach(m, "shop/web", "10.1.1.1").isAllowed(Protocol.UDP, 53)).isTrue();
  }

  @Test
  void toPortsOnlyRuleAdmitsEveryPeerOnThosePorts() {
    NetworkPolicies m = model("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: web-http, namespace: shop}
        spec:
          endpointSelector: {matchLabels: {app: web}}
          ingress: [{toPorts: [{ports: [{port: http, protocol: TCP}]}]}]
        """);
    assertThat(reach(m, "internet", "shop/web").allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 8080));
  }

  @Test
  void kubernetesPoliciesStillApplyOnCilium() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """);
    assertThat(reach(m, "other/client", "shop/db").isAllowed()).isFalse();
  }
}
