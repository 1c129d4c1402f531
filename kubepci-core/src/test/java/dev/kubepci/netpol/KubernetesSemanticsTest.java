package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.netpol.PortSet.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes NetworkPolicy semantics, each case with the expectation worked out by hand from the API reference:
 * every peer form, policyTypes defaulting, ipBlock with except, named ports, endPort and host-network pods.
 */
class KubernetesSemanticsTest {
  /** shop (team=shop): web, db, api; other (team=other): client, batch; ops: a host-network agent. */
  static final String WORKLOADS = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {team: shop, pci: cde}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: other, labels: {team: other}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: ops, labels: {team: ops}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web, tier: front}}
          spec:
            containers:
              - name: web
                image: web
                ports: [{name: http, containerPort: 8080}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: db, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
              - name: db
                image: postgres
                ports: [{name: pg, containerPort: 5432}, {name: dns, containerPort: 53, protocol: UDP}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: api, namespace: shop, labels: {app: api, role: backend}}
      spec:
        containers:
          - name: api
            image: api
            ports: [{name: https, containerPort: 8443}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: client, namespace: other}
      spec:
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: c, image: c}]
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: batch, namespace: other}
      spec:
        template:
          metadata: {labels: {app: batch}}
          spec:
            containers: [{name: b, image: b}]
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent, namespace: ops}
      spec:
        template:
          metadata: {labels: {app: agent}}
          spec:
            hostNetwork: true
            containers: [{name: a, image: a}]
      """;

  private static NetworkPolicies model(String policies) {
    return Manifests.policies(WORKLOADS, policies);
  }

  private static Endpoint ep(NetworkPolicies m, String spec) {
    return Endpoints.resolve(spec, m).get(0);
  }

  private static Reach reach(NetworkPolicies m, String from, String to) {
    return m.reach(ep(m, from), ep(m, to));
  }

  private static final String NOTHING = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: unrelated, namespace: shop}
      """;

  @Test
  void aNamespaceNoObjectDeclaresIsAnchoredOnADerivedSourceNotAFile() {
    NetworkPolicies m = model(NOTHING);
    assertThat(m.hypothetical("ghost").resource().provenance())
        .isEqualTo(dev.kubepci.model.Provenance.derived("network policy analysis", "namespace ghost"));
  }

  @Test
  void withoutPoliciesEverythingFlows() {
    NetworkPolicies m = model(NOTHING);
    Reach r = reach(m, "other/client", "shop/db");
    assertThat(r.allowed().ports()).isEqualTo(PortSet.ALL);
    assertThat(r.ingress().isolated()).isFalse();
    assertThat(r.egress().isolated()).isFalse();
    assertThat(m.isolation((PodEndpoint) ep(m, "shop/db")).ingress()).isFalse();
  }

  @Test
  void podSelectorPeerMeansPodsOfThePolicyNamespaceOnly() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
              ports: [{port: 5432}]
        """);
    Reach fromWeb = reach(m, "shop/web", "shop/db");
    assertThat(fromWeb.allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 5432));
    // other/client also carries app=web, but lives in another namespace
    assertThat(reach(m, "other/client", "shop/db").isAllowed()).isFalse();
    assertThat(reach(m, "shop/api", "shop/db").isAllowed()).isFalse();
    // web itself is not selected: it stays open
    assertThat(reach(m, "other/client", "shop/web").allowed().ports()).isEqualTo(PortSet.ALL);
  }

  @Test
  void namespaceSelectorPeerMeansEveryPodOfMatchingNamespaces() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-other, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from: [{namespaceSelector: {matchLabels: {team: other}}}]
        """);
    assertThat(reach(m, "other/client", "shop/db").allowed().ports()).isEqualTo(PortSet.ALL);
    assertThat(reach(m, "other/batch", "shop/db").isAllowed()).isTrue();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void namespaceAndPodSelectorInOnePeerMustBothMatch() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-other-web, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {team: other}}
                  podSelector: {matchLabels: {app: web}}
        """);
    assertThat(reach(m, "other/client", "shop/db").isAllowed()).isTrue();
    assertThat(reach(m, "other/batch", "shop/db").isAllowed()).isFalse();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void twoPeersInOneRuleAreAlternatives() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-either, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - from:
                - namespaceSelector: {matchLabels: {team: other}}
                - podSelector: {matchLabels: {app: api}}
        """);
    assertThat(reach(m, "other/batch", "shop/db").isAllowed()).isTrue();
    assertThat(reach(m, "shop/api", "shop/db").isAllowed()).isTrue();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void emptySelectorsMeanAllPodsOfTheNamespaceOrOfAllNamespaces() {
    NetworkPolicies sameNamespace = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: same-namespace, namespace: shop}
        spec:
          podSelector: {}
          ingress: [{from: [{podSelector: {}}]}]
        """);
    assertThat(reach(sameNamespace, "shop/web", "shop/db").isAllowed()).isTrue();
    assertThat(reach(sameNamespace, "other/client", "shop/db").isAllowed()).isFalse();
    assertThat(reach(sameNamespace, "internet", "shop/db").isAllowed()).isFalse();

    NetworkPolicies anyNamespace = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: any-namespace, namespace: shop}
        spec:
          podSelector: {}
          ingress: [{from: [{namespaceSelector: {}}]}]
        """);
    assertThat(reach(anyNamespace, "other/client", "shop/db").isAllowed()).isTrue();
    assertThat(reach(anyNamespace, "internet", "shop/db").isAllowed()).isFalse();
    // host-network pods are not pods to a podSelector or namespaceSelector
    assertThat(reach(anyNamespace, "ops/agent", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void ruleWithoutFromAdmitsEveryoneIncludingTheInternet() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-all-http, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress: [{ports: [{port: 8080}]}]
        """);
    assertThat(reach(m, "internet", "shop/web").allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 8080));
    assertThat(reach(m, "other/batch", "shop/web").allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 8080));
    assertThat(reach(m, "internet", "shop/web").allowed().addresses()).isEqualTo(AddressSet.PUBLIC);
  }

  @Test
  void ingressTypeWithoutRulesDeniesEverything() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-ingress, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
        """);
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
    // egress is not isolated by an Ingress-only policy
    assertThat(reach(m, "shop/db", "internet").isAllowed()).isTrue();
    assertThat(m.defaultDeny("shop", Direction.INGRESS)).isPresent();
    assertThat(m.defaultDeny("shop", Direction.EGRESS)).isEmpty();
  }

  @Test
  void absentPolicyTypesBecomeIngressAndEgressWhenEgressRulesExist() {
    // no policyTypes and only egress rules: Kubernetes defaults to [Ingress, Egress], so ingress is denied too
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: egress-only-rules, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]
        """);
    PodEndpoint web = (PodEndpoint) ep(m, "shop/web");
    assertThat(m.isolation(web).ingress()).isTrue();
    assertThat(m.isolation(web).egress()).isTrue();
    assertThat(reach(m, "shop/api", "shop/web").isAllowed()).isFalse();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isTrue();
    assertThat(reach(m, "shop/web", "shop/api").isAllowed()).isFalse();
  }

  @Test
  void absentPolicyTypesWithoutEgressRulesAreIngressOnly() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: no-types, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
        """);
    PodEndpoint web = (PodEndpoint) ep(m, "shop/web");
    assertThat(m.isolation(web).ingress()).isTrue();
    assertThat(m.isolation(web).egress()).isFalse();
  }

  @Test
  void egressOnlyPolicyTypeLeavesIngressOpen() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-egress, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Egress]
        """);
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
    assertThat(reach(m, "other/client", "shop/db").isAllowed()).isTrue();
  }

  @Test
  void ipBlockExceptCutsRangesOut() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-to-internet, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16, 172.16.0.0/12]}}]
              ports: [{port: 443}]
        """);
    Reach internet = reach(m, "shop/web", "internet");
    assertThat(internet.allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 443));
    assertThat(internet.allowed().addresses()).isEqualTo(AddressSet.PUBLIC.intersect(AddressSet.of("0.0.0.0/0")));
    assertThat(reach(m, "shop/web", "203.0.113.7").isAllowed(Protocol.TCP, 443)).isTrue();
    assertThat(reach(m, "shop/web", "10.20.30.40").isAllowed()).isFalse();
    // the pod network is unknown and the block leaves out every private range: pods are not covered
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void ipBlockOfPartOfTheInternetReachesOnlyThatPart() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: to-acquirer, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress: [{to: [{ipBlock: {cidr: 203.0.113.0/24}}]}]
        """);
    Reach r = reach(m, "shop/web", "internet");
    assertThat(r.allowed().addresses()).isEqualTo(AddressSet.of("203.0.113.0/24"));
    assertThat(reach(m, "shop/web", "198.51.100.1").isAllowed()).isFalse();
  }

  @Test
  void ipBlockCoversPodsWhenItOverlapsThePodNetwork() {
    String node = """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        spec: {podCIDR: 10.244.0.0/24, podCIDRs: [10.244.0.0/24]}
        status: {addresses: [{type: InternalIP, address: 10.0.0.5}]}
        """;
    String policy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-from-range, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{ipBlock: {cidr: 10.244.0.0/16}}]}]
        """;
    NetworkPolicies withNodes = Manifests.policies(WORKLOADS, node, policy);
    Reach r = withNodes.reach(ep(withNodes, "shop/web"), ep(withNodes, "shop/db"));
    assertThat(r.isAllowed()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.contains("address rule"));
    // without Nodes the pod network is unknown, and 10.244.0.0/16 does not span every private range
    NetworkPolicies withoutNodes = model(policy);
    assertThat(reach(withoutNodes, "shop/web", "shop/db").isAllowed()).isFalse();
    // the host-network agent sends from its node's address, 10.0.0.5, outside the block
    assertThat(withNodes.reach(ep(withNodes, "ops/agent"), ep(withNodes, "shop/db")).isAllowed()).isFalse();
  }

  @Test
  void namedPortsResolveAgainstTheDestinationContainerPorts() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-named, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - ports: [{port: pg}, {port: dns, protocol: TCP}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress-named, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress: [{ports: [{port: pg}]}]
        """);
    // pg is TCP 5432 on db; dns is UDP 53 there, so "dns" over TCP names nothing
    assertThat(reach(m, "other/client", "shop/db").allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 5432));
    assertThat(reach(m, "shop/web", "shop/db").allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 5432));
    // web's egress names "pg": api has no port of that name, the Internet has no names at all
    assertThat(reach(m, "shop/web", "shop/api").isAllowed()).isFalse();
    assertThat(reach(m, "shop/web", "internet").isAllowed()).isFalse();
  }

  @Test
  void endPortMakesARangeAndProtocolDefaultsToTcp() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: range, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
            - ports: [{port: 8000, endPort: 8100}, {protocol: UDP}]
        """);
    PortSet expected = PortSet.of(Protocol.TCP, 8000, 8100).union(PortSet.allOf(Protocol.UDP));
    assertThat(reach(m, "shop/web", "shop/db").allowed().ports()).isEqualTo(expected);
  }

  @Test
  void matchExpressionsFollowKubernetesOperators() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: expressions, namespace: shop}
        spec:
          podSelector:
            matchExpressions:
              - {key: app, operator: NotIn, values: [web]}
              - {key: tier, operator: DoesNotExist}
          ingress:
            - from:
                - podSelector:
                    matchExpressions:
                      - {key: app, operator: In, values: [web, api]}
                      - {key: role, operator: Exists}
        """);
    // db and api are selected (app not web, no tier); web is not (app=web)
    assertThat(m.isolation((PodEndpoint) ep(m, "shop/db")).ingress()).isTrue();
    assertThat(m.isolation((PodEndpoint) ep(m, "shop/api")).ingress()).isTrue();
    assertThat(m.isolation((PodEndpoint) ep(m, "shop/web")).ingress()).isFalse();
    // only api has role: it may reach db; web (no role) may not
    assertThat(reach(m, "shop/api", "shop/db").isAllowed()).isTrue();
    assertThat(reach(m, "shop/web", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void hostNetworkPodsAreOutsideNetworkPolicy() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: ops}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        """);
    PodEndpoint agent = (PodEndpoint) ep(m, "ops/agent");
    assertThat(agent.hostNetwork()).isTrue();
    NetworkPolicies.Isolation iso = m.isolation(agent);
    assertThat(iso.ingress()).isFalse();
    assertThat(iso.egress()).isFalse();
    Reach r = reach(m, "ops/agent", "internet");
    assertThat(r.isAllowed()).isTrue();
    assertThat(r.egress().enforced()).isFalse();
    assertThat(reach(m, "shop/web", "ops/agent").notes()).anyMatch(n -> n.contains("cannot protect"));
  }

  @Test
  void egressAndIngressMustBothAllow() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-egress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress: [{to: [{podSelector: {matchLabels: {app: db}}}], ports: [{port: 5432}, {port: 6000}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db-ingress, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}, {port: 5433}]}]
        """);
    Reach r = reach(m, "shop/web", "shop/db");
    assertThat(r.allowed().ports()).isEqualTo(PortSet.of(Protocol.TCP, 5432));
    assertThat(r.egress().steps()).extracting(Verdict.Step::text)
        .anyMatch(t -> t.contains("NetworkPolicy/shop/web-egress spec.egress[0] allows"));
    assertThat(r.ingress().steps()).extracting(Verdict.Step::text)
        .anyMatch(t -> t.contains("NetworkPolicy/shop/db-ingress spec.ingress[0] allows"));
  }

  @Test
  void rulesOfSeveralPoliciesAddUp() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 1}]}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b, namespace: shop}
        spec:
          podSelector: {}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 2}]}]
        """);
    assertThat(reach(m, "shop/web", "shop/db").allowed().ports())
        .isEqualTo(PortSet.of(Protocol.TCP, 1).union(PortSet.of(Protocol.TCP, 2)));
  }

  @Test
  void defaultDenyNeedsAPolicyThatSelectsEveryPodAndAllowsNothing() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: only-web, namespace: other}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-same-namespace, namespace: ops}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress: [{from: [{podSelector: {}}]}]
        """);
    assertThat(m.defaultDeny("shop", Direction.INGRESS)).map(Policy::name).contains("NetworkPolicy/shop/deny-all");
    assertThat(m.defaultDeny("shop", Direction.EGRESS)).isPresent();
    assertThat(m.defaultDeny("other", Direction.INGRESS)).isEmpty();
    assertThat(m.defaultDeny("ops", Direction.INGRESS)).isEmpty();
  }

  @Test
  void invalidCidrIsReportedAndMatchesNothing() {
    NetworkPolicies m = model("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: broken, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]
        """);
    assertThat(m.problems()).extracting(PolicyProblem::message).anyMatch(s -> s.contains("not a CIDR"));
    assertThat(m.problems()).extracting(p -> p.path().toString()).containsExactly("spec.ingress[0].from[0].ipBlock.cidr");
    assertThat(reach(m, "internet", "shop/db").isAllowed()).isFalse();
  }

  @Test
  void namespaceEndpointStandsForEveryWorkloadOrANewPod() {
    NetworkPolicies m = model(NOTHING);
    assertThat(Endpoints.resolve("namespace:shop", m)).extracting(Endpoint::display)
        .containsExactly("Deployment/shop/db", "Deployment/shop/web", "Pod/shop/api");
    NetworkPolicies empty = Manifests.policies(WORKLOADS, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: quiet}
        """);
    assertThat(Endpoints.resolve("ns:quiet", empty)).extracting(Endpoint::display)
        .containsExactly("a new pod in namespace quiet");
    assertThat(List.of("shop/nope", "a/b/c/d", "namespace:missing")).allSatisfy(s ->
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Endpoints.resolve(s, m))
            .isInstanceOf(IllegalArgumentException.class));
  }
}
