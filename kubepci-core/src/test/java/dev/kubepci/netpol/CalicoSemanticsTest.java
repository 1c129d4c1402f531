package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.netpol.PortSet.Protocol;
import org.junit.jupiter.api.Test;

/** Calico ordering, tiers, actions and selectors, with expectations worked out by hand from Calico's reference. */
class CalicoSemanticsTest {
  private static final String CALICO_NODE = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: calico-node, namespace: kube-system}
      spec:
        template:
          spec:
            hostNetwork: true
            containers: [{name: calico-node, image: quay.io/calico/node:v3.29.1}]
      """;

  private static NetworkPolicies model(String policies) {
    return Manifests.policies(KubernetesSemanticsTest.WORKLOADS, CALICO_NODE, policies);
  }

  private static Reach reach(NetworkPolicies m, String from, String to) {
    return m.reach(Endpoints.resolve(from, m).get(0), Endpoints.resolve(to, m).get(0));
  }

  @Test
  void calicoNodeMakesCalicoTheEngine() {
    NetworkPolicies m = model("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: shop}
        """);
    assertThat(m.engine()).isEqualTo(PolicyKind.CALICO);
    assertThat(m.cni().enforcement()).isEqualTo(Cni.Enforcement.ENFORCES);
    assertThat(m.cni().describe()).isEqualTo("calico");
  }

  @Test
  void lowerOrderDenyWinsOverKubernetesAllow() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: deny-other-to-cde}
        spec:
          order: 100
          selector: pcns.pci == "cde"
          types: [Ingress]
          ingress:
            - action: Deny
              source: {namespaceSelector: team == "other"}
            - action: Pass
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-anywhere, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{}]
        """);
    Reach fromOther = reach(m, "other/client", "shop/db");
    assertThat(fromOther.isAllowed()).isFalse();
    assertThat(fromOther.ingress().steps()).extracting(Verdict.Step::text)
        .anyMatch(t -> t.startsWith("GlobalNetworkPolicy/deny-other-to-cde spec.ingress[0] denies"));
    // Pass skips the rest of the default tier (the Kubernetes policy) and the profile allows
    Reach fromWeb = reach(m, "shop/web", "shop/db");
    assertThat(fromWeb.isAllowed()).isTrue();
    assertThat(fromWeb.ingress().steps()).extracting(Verdict.Step::action)
        .containsExactly(RuleAction.PASS, RuleAction.ALLOW);
  }

  @Test
  void aDeniedEgressSaysWhereTheTrafficWasGoing() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: web-egress}
        spec:
          selector: app == "web"
          types: [Egress]
          egress: [{action: Deny}]
        """);
    Reach r = m.reach(Endpoints.resolve("shop/web", m).get(0), Endpoints.resolve("shop/db", m).get(0),
        PortSet.of(Protocol.TCP, 5432));
    assertThat(r.egress().summary()).endsWith("; nothing to Deployment/shop/db is allowed");
    assertThat(r.egress().steps()).extracting(Verdict.Step::text)
        .containsExactly("GlobalNetworkPolicy/web-egress spec.egress[0] denies TCP 5432");
  }

  @Test
  void endOfTierDeniesWhatNoRuleMatched() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: shop}
        spec:
          order: 10
          selector: app == "db"
          ingress:
            - action: Allow
              protocol: TCP
              source: {selector: app == "web"}
              destination: {ports: [5432, "6000:6010"]}
        """);
    assertThat(reach(m, "shop/web", "shop/db").allowed().ports())
        .isEqualTo(PortSet.of(Protocol.TCP, 5432).union(PortSet.of(Protocol.TCP, 6000, 6010)));
    // a selector without namespaceSelector in a namespaced policy means the policy's namespace
    assertThat(reach(m, "other/client", "shop/db").isAllowed()).isFalse();
    assertThat(reach(m, "other/client", "shop/db").ingress().steps()).extracting(Verdict.Step::text)
        .anyMatch(t -> t.startsWith("end of tier default") && t.endsWith("denied"));
    assertThat(m.isolation((PodEndpoint) Endpoints.resolve("shop/db", m).get(0)).ingress()).isTrue();
  }

  @Test
  void globalDefaultDenyCoversEveryNamespaceItSelects() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: default-deny}
        spec:
          order: 2000
          selector: projectcalico.org/namespace not in {"kube-system", "ops"}
          types: [Ingress, Egress]
        """);
    assertThat(m.defaultDeny("shop", Direction.INGRESS)).map(Policy::name).contains("GlobalNetworkPolicy/default-deny");
    assertThat(m.defaultDeny("other", Direction.EGRESS)).isPresent();
    assertThat(m.defaultDeny("ops", Direction.INGRESS)).isEmpty();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void tierWithPassDefaultActionDoesNotIsolate() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: Tier
        metadata: {name: security}
        spec: {order: 100, defaultAction: Pass}
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: security.block-ssh}
        spec:
          tier: security
          order: 1
          selector: all()
          ingress:
            - action: Deny
              protocol: TCP
              destination: {ports: [22]}
        """);
    Reach r = reach(m, "other/client", "shop/db");
    assertThat(r.isAllowed(Protocol.TCP, 22)).isFalse();
    assertThat(r.isAllowed(Protocol.TCP, 5432)).isTrue();
    assertThat(r.ingress().isolated()).isFalse();
  }

  @Test
  void netsAndNotNetsNarrowTheInternet() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: shop}
        spec:
          selector: app == "web"
          types: [Egress]
          egress:
            - action: Allow
              destination:
                nets: [198.51.100.0/24]
                notNets: [198.51.100.128/25]
        """);
    Reach r = reach(m, "shop/web", "internet");
    assertThat(r.allowed().addresses()).isEqualTo(AddressSet.of("198.51.100.0/25"));
    assertThat(reach(m, "shop/web", "198.51.100.200").isAllowed()).isFalse();
  }

  @Test
  void icmpRulesDoNotDecidePortTraffic() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: deny-icmp}
        spec:
          order: 1
          selector: all()
          ingress:
            - action: Deny
              protocol: ICMP
            - action: Allow
        """);
    assertThat(reach(m, "other/client", "shop/db").allowed().ports()).isEqualTo(PortSet.ALL);
  }

  @Test
  void ciliumPoliciesAreIgnoredOnCalico() {
    NetworkPolicies m = model("""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec:
          endpointSelector: {}
          ingress: [{}]
        """);
    assertThat(m.ignoredPolicies()).extracting(Policy::name).containsExactly("CiliumNetworkPolicy/shop/deny");
    Reach r = reach(m, "other/client", "shop/db");
    assertThat(r.isAllowed()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.startsWith("ignored 1 policies"));
  }

  @Test
  void badSelectorIsReportedAndSelectsNothing() {
    NetworkPolicies m = model("""
        apiVersion: crd.projectcalico.org/v1
        kind: GlobalNetworkPolicy
        metadata: {name: broken}
        spec:
          selector: app == web
          types: [Ingress]
        """);
    assertThat(m.problems()).extracting(p -> p.path().toString()).containsExactly("spec.selector");
    assertThat(reach(m, "other/client", "shop/web").isAllowed()).isTrue();
  }
}
