package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RuntimeSecurityCoverageRuleTest {
  private final RuleTester tester = RuleTester.of(new RuntimeSecurityCoverageRule());

  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: cde-1, labels: {pool: cde}}
      spec:
        taints: [{key: pool, value: cde, effect: NoSchedule}]
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: gen-1, labels: {pool: general}}
      ---
      """;

  @Test
  void flagsSensorRestrictedToSomeNodes() {
    tester.given(NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: falco, namespace: falco}
        spec:
          template:
            spec:
              nodeSelector: {pool: general}
              tolerations:              # expect-violation: does not run on 1 node(s): cde-1 (excluded by its node selector or affinity)
                - {operator: Exists}
              containers: [{name: falco, image: docker.io/falcosecurity/falco-no-driver:0.39.1}]
        """).assertMarkedViolations();
  }

  @Test
  void passesWithTetragonEverywhere() {
    tester.given(NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: tetragon, namespace: kube-system}
        spec:
          template:
            spec:
              tolerations: [{operator: Exists}]
              containers: [{name: tetragon, image: quay.io/cilium/tetragon:v1.2.0}]
        """).assertNoViolations();
  }

  @Test
  void flagsClusterWithoutSensor() {
    tester.given(NODES).assertStatus(Status.FAIL);
  }

  @Test
  void isNotAssessedWithoutNodes() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: falco, namespace: falco}
        spec:
          template:
            spec:
              containers: [{name: falco, image: falcosecurity/falco:0.39.1}]
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
