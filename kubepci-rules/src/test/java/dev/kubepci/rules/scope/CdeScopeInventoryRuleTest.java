package dev.kubepci.rules.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdeScopeInventoryRuleTest {
  private final RuleTester tester = RuleTester.of(new CdeScopeInventoryRule()).withConfig(ScopeConfigs.PAY);

  private static final String CLUSTER = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: pay}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: pay}
      spec:
        template:
          metadata: {labels: {app: api}}
          spec:
            nodeSelector: {pool: cde}
            tolerations: [{key: pool, value: cde, effect: NoSchedule}]
            initContainers: [{name: init, image: init}]
            containers: [{name: api, image: api}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: deny, namespace: pay}
      spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: shop, namespace: edge}
      spec:
        template:
          spec:
            containers: [{name: shop, image: shop}]
      """;

  @Test
  void passesAndTabulatesScopeWhenTheDeclarationMatches() {
    var given = tester.given(CLUSTER).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).containsExactly(
        List.of("edge", "connected", "1", "no", "-"),
        List.of("pay", "cde", "1", "yes", "yes"));
  }

  @Test
  void flagsDeclaredCdeNamespaceMissingFromTheInput() {
    var config = new KubepciConfig(new KubepciConfig.Scope(
        new KubepciConfig.Selection(List.of("pay", "vault"), List.of("pci=cde")), null), null, null);
    var given = RuleTester.of(new CdeScopeInventoryRule()).withConfig(config).given(CLUSTER)
        .assertStatus(Status.FAIL);
    assertThat(given.findings()).extracting(f -> f.path().toString(), Finding::observed).containsExactly(
        org.assertj.core.groups.Tuple.tuple("scope.cde.namespaces[1]", "vault"),
        org.assertj.core.groups.Tuple.tuple("scope.cde.selectors[0]", "pci=cde"));
    assertThat(given.findings()).allSatisfy(f -> assertThat(f.resource()).isNull());
  }

  @Test
  void isManualWithoutDeclaredScope() {
    var given = RuleTester.of(new CdeScopeInventoryRule()).given(CLUSTER).assertStatus(Status.MANUAL);
    assertThat(given.result().reason()).contains("Which namespaces or labels form the CDE");
  }

  @Test
  void tablesNamespacesEvenWithoutWorkloads() {
    var given = tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: pay}
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).containsExactly(List.of("pay", "cde", "0", "no", "-"));
  }
}
