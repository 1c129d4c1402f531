package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CniTest {
  private static String daemonSet(String name, String namespace, String containers) {
    return """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: %s, namespace: %s}
        spec:
          template:
            spec:
              containers:
        %s
        """.formatted(name, namespace, containers.indent(8));
  }

  @Test
  void flannelAloneDoesNotEnforceAndReachIgnoresPolicies() {
    NetworkPolicies m = Manifests.policies(KubernetesSemanticsTest.WORKLOADS,
        daemonSet("kube-flannel-ds", "kube-flannel", "- {name: kube-flannel, image: docker.io/flannel/flannel:v0.26.1}"),
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny, namespace: shop}
        spec: {podSelector: {}, policyTypes: [Ingress]}
        """);
    assertThat(m.cni().enforcement()).isEqualTo(Cni.Enforcement.DOES_NOT_ENFORCE);
    Reach r = m.reach(Endpoints.resolve("other/client", m).get(0), Endpoints.resolve("shop/db", m).get(0));
    assertThat(r.ingress().isolated()).isTrue();
    assertThat(r.isAllowed()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.contains("does not enforce NetworkPolicy"));
  }

  @Test
  void canalEnforcesThroughCalico() {
    Cni cni = Cni.of(Manifests.inventory(daemonSet("canal", "kube-system",
        "- {name: calico-node, image: docker.io/calico/node:v3.28.0}\n- {name: kube-flannel, image: flannel/flannel:v0.25.0}")));
    assertThat(cni.enforcement()).isEqualTo(Cni.Enforcement.ENFORCES);
    assertThat(cni.enforcer()).map(Cni.Plugin::name).contains("calico");
  }

  @Test
  void awsVpcCniEnforcesOnlyWithItsPolicyAgent() {
    String without = daemonSet("aws-node", "kube-system",
        "- {name: aws-node, image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0}");
    assertThat(Cni.of(Manifests.inventory(without)).enforcement()).isEqualTo(Cni.Enforcement.DOES_NOT_ENFORCE);
    String with = daemonSet("aws-node", "kube-system", """
        - {name: aws-node, image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.19.0}
        - name: aws-network-policy-agent
          image: 602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon/aws-network-policy-agent:v1.1.5
          args: [--enable-network-policy=true]
        """);
    assertThat(Cni.of(Manifests.inventory(with)).enforcement()).isEqualTo(Cni.Enforcement.ENFORCES);
  }

  @Test
  void nothingRecognisedIsUnknown() {
    Cni cni = Cni.of(Manifests.inventory(KubernetesSemanticsTest.WORKLOADS));
    assertThat(cni.enforcement()).isEqualTo(Cni.Enforcement.UNKNOWN);
    assertThat(cni.describe()).isEqualTo("none recognised");
  }

  @Test
  void azureCniNeedsAPolicyEngine() {
    String cns = daemonSet("azure-cns", "kube-system", "- {name: cns-container, image: mcr.microsoft.com/containernetworking/azure-cns:v1.6.0}");
    assertThat(Cni.of(Manifests.inventory(cns)).enforcement()).isEqualTo(Cni.Enforcement.DOES_NOT_ENFORCE);
    String npm = daemonSet("azure-npm", "kube-system", "- {name: azure-npm, image: mcr.microsoft.com/containernetworking/azure-npm:v1.5.0}");
    assertThat(Cni.of(Manifests.inventory(cns, npm)).enforcement()).isEqualTo(Cni.Enforcement.ENFORCES);
  }
}
