package dev.kubepci.rules.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CdeDedicatedNodesRuleTest {
  private final RuleTester tester = RuleTester.of(new CdeDedicatedNodesRule()).withConfig(ScopeConfigs.PAY);

  @Test
  void flagsCdeWorkloadWithoutNodeSelection() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: pay}
        spec:
          template:
            spec:                     # expect-violation: has no nodeSelector or required node affinity
              containers: [{name: db, image: db}]
        """).assertMarkedViolations().assertObserved("<absent>");
  }

  @Test
  void flagsSelectorWithoutKeyedToleration() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: pay}
        spec:
          template:
            spec:
              nodeSelector: {pool: cde}
              tolerations:            # expect-violation: tolerates no taint by key
                - operator: Exists
              initContainers: [{name: init, image: init}]
              containers: [{name: api, image: api}]
        """).assertMarkedViolations();
  }

  @Test
  void flagsEligibleNodeThatNoCdeTaintReserves() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {pool: cde}}
        spec:
          taints: [{key: pool, value: cde, effect: NoSchedule}]
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n2, labels: {pool: cde}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: pay}
        spec:
          template:
            spec:
              nodeSelector:           # expect-violation: may run on n2, which no CDE taint reserves
                pool: cde
              tolerations: [{key: pool, operator: Equal, value: cde, effect: NoSchedule}]
              containers: [{name: api, image: api}]
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenPinnedToTaintedPool() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {pool: cde}}
        spec:
          taints: [{key: pool, value: cde, effect: NoSchedule}]
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n2, labels: {pool: general}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: api, namespace: pay}
        spec:
          nodeName: n1
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                  - matchExpressions: [{key: pool, operator: In, values: [cde]}]
          tolerations: [{key: pool, operator: Exists}]
          containers: [{name: api, image: api}]
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows().get(0)).containsExactly("Pod/pay/api",
        "required node affinity", "pool", "n1", "yes");
  }

  @Test
  void countsTheSchedulingOfItsRuntimeClass() {
    tester.given("""
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata: {name: gvisor}
        handler: runsc
        scheduling:
          nodeSelector: {sandbox: "true"}
          tolerations: [{key: pool, operator: Equal, value: cde, effect: NoSchedule}]
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {sandbox: "true"}}
        spec:
          taints: [{key: pool, value: cde, effect: NoSchedule}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: tokenizer, namespace: pay}
        spec:
          template:
            spec:
              runtimeClassName: gvisor
              containers: [{name: t, image: t}]
        """).assertNoViolations();
  }

  @Test
  void ignoresOutOfScopeWorkloads() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: edge}
        spec:
          template:
            spec:
              containers: [{name: shop, image: shop}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void isManualWithoutDeclaredScope() {
    RuleTester.of(new CdeDedicatedNodesRule()).given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: pay}
        """).assertStatus(Status.MANUAL);
  }
}
