package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class LogCollectorCoverageRuleTest {
  private final RuleTester tester = RuleTester.of(new LogCollectorCoverageRule());

  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: cp-1, labels: {node-role.kubernetes.io/control-plane: ""}}
      spec:
        taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: cde-1}
      spec:
        taints:
          - {key: pci.example.com/pool, value: cde, effect: NoSchedule}
          - {key: node.kubernetes.io/not-ready, effect: NoExecute}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: gen-1}
      ---
      """;

  @Test
  void flagsCollectorThatMissesTaintedNodes() {
    tester.given(NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: fluent-bit, namespace: logging}
        spec:
          template:
            spec:
              tolerations:              # expect-violation: does not run on 1 node(s): cde-1 (taint pci.example.com/pool=cde:NoSchedule not tolerated)
                - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
              containers: [{name: fb, image: cr.fluentbit.io/fluent/fluent-bit:3.1.9}]
        """).assertMarkedViolations();
  }

  @Test
  void flagsMissingCollector() {
    var given = tester.given(NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: node-exporter, namespace: monitoring}
        spec:
          template:
            spec:
              containers: [{name: ne, image: quay.io/prometheus/node-exporter:v1.8.2}]
        """).assertStatus(Status.FAIL);
    assertThat(given.findings()).singleElement().satisfies(f -> assertThat(f.message())
        .startsWith("no log collector DaemonSet"));
  }

  @Test
  void passesWhenEveryNodeIsReached() {
    tester.given(NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: vector, namespace: logging}
        spec:
          template:
            spec:
              tolerations: [{operator: Exists}]
              initContainers: [{name: init, image: busybox}]
              containers: [{name: vector, image: timberio/vector:0.41.1-distroless-libc}]
        status: {desiredNumberScheduled: 3, numberReady: 3}
        """).assertNoViolations();
  }

  @Test
  void flagsPodsNotReady() {
    tester.given(NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: vector, namespace: logging}
        spec:
          template:
            spec:
              tolerations: [{operator: Exists}]
              containers: [{name: vector, image: timberio/vector:0.41.1}]
        status:
          desiredNumberScheduled: 3
          numberReady: 2                # expect-violation: has 2 of 3 pods ready
        """).assertMarkedViolations();
  }

  @Test
  void isNotAssessedWithoutNodes() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: fluent-bit, namespace: logging}
        spec:
          template:
            spec:
              containers: [{name: fb, image: fluent/fluent-bit:3.1.9}]
        """).assertStatus(Status.NOT_ASSESSED);
  }

  @Test
  void isNotAssessedWhenTheInputIsOnlyPartOfTheCluster() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: shop, image: shop}]
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
