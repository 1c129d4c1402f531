package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code kubepci reach} on the example payment platform (Calico, CDE in namespace payments). */
class ReachCommandTest {
  @Test
  void calicoGlobalPolicyDeniesTheStorefrontTheCde() {
    Cli.Run run = Cli.run("reach", "namespace:web", "Deployment/payments/payment-api", "--port", "8443", Cli.MANIFESTS);
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("Network plugin: calico (enforces NetworkPolicy); Calico semantics")
        .contains("DENIED  Deployment/web/storefront -> Deployment/payments/payment-api")
        .contains("GlobalNetworkPolicy/deny-web-to-cde spec.egress[0] denies TCP 8443")
        .contains("0 of 1 flow allowed")
        // the question was TCP 8443: the explanation speaks of no other port or protocol
        .doesNotContain("UDP", "SCTP", "all TCP ports");
  }

  @Test
  void ingressControllerReachesTheApiOnItsNamedPort() {
    Cli.Run run = Cli.run("reach", "ingress-nginx/ingress-nginx-controller", "payments/payment-api", "--port", "https",
        Cli.MANIFESTS);
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("ALLOWED Deployment/ingress-nginx/ingress-nginx-controller -> "
        + "Deployment/payments/payment-api").contains("port: TCP 8443")
        .contains("NetworkPolicy/payments/allow-ingress-nginx-to-payment-api spec.ingress[0] allows TCP 8443");
  }

  @Test
  void settlementReachesOnlyTheAcquirerRange() {
    Cli.Run run = Cli.run("reach", "payments/settlement-batch", "internet", Cli.MANIFESTS);
    assertThat(run.out()).contains("flows: 203.0.113.0/24 on TCP 22, 443");
    assertThat(Cli.run("reach", "payments/settlement-batch", "198.51.100.10", Cli.MANIFESTS).out())
        .contains("DENIED  CronJob/payments/settlement-batch -> 198.51.100.10");
  }

  @Test
  void expectDeniedFailsWhenAFlowIsAllowed() {
    Cli.Run run = Cli.run("reach", "namespace:monitoring", "namespace:payments", "--expect", "denied", Cli.MANIFESTS);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("ALLOWED Deployment/monitoring/prometheus-server -> Deployment/payments/payment-api");
    assertThat(run.err()).contains("expected every flow to be denied; 2 of 12 allowed");
    assertThat(Cli.run("reach", "namespace:web", "namespace:payments", "--expect", "denied", "--port", "5432",
        Cli.MANIFESTS).code()).isZero();
  }

  @Test
  void jsonNamesTheDecidingRules() throws Exception {
    Cli.Run run = Cli.run("reach", "web/storefront", "payments/payments-db", "--port", "5432", "--format", "json",
        Cli.MANIFESTS);
    assertThat(run.code()).isZero();
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertThat(doc.path("semantics").asText()).isEqualTo("CALICO");
    assertThat(doc.path("allowed").asInt()).isZero();
    JsonNode pair = doc.path("pairs").get(0);
    assertThat(pair.path("allowed").asBoolean()).isFalse();
    assertThat(pair.path("egress").path("steps").get(0).path("policy").asText())
        .isEqualTo("GlobalNetworkPolicy/deny-web-to-cde");
    assertThat(pair.path("ingress").path("isolated").asBoolean()).isTrue();
  }

  @Test
  void unknownEndpointsAndPortsAreUsageErrors() {
    Cli.Run unknown = Cli.run("reach", "payments/nope", "internet", Cli.MANIFESTS);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("kubepci: no workload matches 'payments/nope'\n");
    Cli.Run port = Cli.run("reach", "namespace:web", "namespace:payments", "--port", "70000", Cli.MANIFESTS);
    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("out of range");
    assertThat(Cli.run("reach", "internet", "10.0.0.0/8", Cli.MANIFESTS).code()).isEqualTo(2);
    assertThat(Cli.run("reach", "internet", Cli.MANIFESTS).code()).isEqualTo(2);
  }
}
