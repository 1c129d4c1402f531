package dev.kubepci.netpol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.report.reach.ReachReport;
import org.junit.jupiter.api.Test;

class ReachQueryTest {
  private final NetworkPolicies model = Manifests.policies(KubernetesSemanticsTest.WORKLOADS, """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db, namespace: shop}
      spec:
        podSelector: {matchLabels: {app: db}}
        ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: pg}]}]
      """);

  @Test
  void portQueriesAcceptNumbersProtocolsAndNames() {
    assertThat(PortQuery.parse("5432")).isEqualTo(new PortQuery(PortSet.Protocol.TCP, 5432, null));
    assertThat(PortQuery.parse("53/udp")).isEqualTo(new PortQuery(PortSet.Protocol.UDP, 53, null));
    assertThat(PortQuery.parse("UDP/53")).isEqualTo(new PortQuery(PortSet.Protocol.UDP, 53, null));
    assertThat(PortQuery.parse("pg")).isEqualTo(new PortQuery(PortSet.Protocol.TCP, null, "pg"));
    assertThatThrownBy(() -> PortQuery.parse("0")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> PortQuery.parse("x/y/z")).hasMessageContaining("is not a port");
  }

  @Test
  void namespacesExpandToPairsAndNamedPortsResolvePerDestination() {
    ReachQuery q = ReachQuery.run(model, "namespace:shop", "shop/db", "pg");
    assertThat(q.pairs()).extracting(p -> p.reach().from().display() + " " + p.allowed())
        .containsExactly("Deployment/shop/web true", "Pod/shop/api false");
    assertThat(q.pairs().get(0).portNumber()).contains(5432);
    assertThat(ReachReport.text(q)).contains("ALLOWED Deployment/shop/web -> Deployment/shop/db")
        .contains("1 of 2 flows allowed");
    assertThat(ReachQuery.run(model, "shop/web", "shop/api", "pg").pairs().get(0).portNumber()).isEmpty();
  }

  @Test
  void aPortQueryIsExplainedForThatPortOnly() {
    NetworkPolicies udpToo = Manifests.policies(KubernetesSemanticsTest.WORKLOADS, """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: pg}, {port: 53, protocol: UDP}]}]
        """);
    ReachQuery q = ReachQuery.run(udpToo, "shop/web", "shop/db", "5432");
    assertThat(q.allowedCount()).isEqualTo(1);
    assertThat(q.pairs().get(0).reach().allowed().toString()).isEqualTo("TCP 5432");
    assertThat(ReachReport.text(q)).contains("flows: TCP 5432", "spec.ingress[0] allows TCP 5432")
        .doesNotContain("UDP", "SCTP");
    assertThat(ReachReport.json(q)).doesNotContain("UDP", "SCTP");
    ReachQuery byName = ReachQuery.run(udpToo, "shop/web", "shop/api", "pg");
    assertThat(ReachReport.text(byName)).doesNotContain("UDP", "SCTP");
    assertThat(ReachReport.text(ReachQuery.run(udpToo, "shop/web", "shop/db", null))).contains("UDP 53");
  }

  @Test
  void twoAddressesCannotBeAsked() {
    assertThatThrownBy(() -> ReachQuery.run(model, "internet", "10.0.0.1", null))
        .hasMessageContaining("at least one end");
  }
}
