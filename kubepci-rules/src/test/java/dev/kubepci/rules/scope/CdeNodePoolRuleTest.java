package dev.kubepci.rules.scope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CdeNodePoolRuleTest {
  private final RuleTester tester = RuleTester.of(new CdeNodePoolRule()).withConfig(ScopeConfigs.PAY);

  private static final String CDE = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: pay}
      spec:
        template:
          spec:
            nodeSelector: {pool: cde}
            tolerations: [{key: pool, value: cde, effect: NoSchedule}]
            containers: [{name: api, image: api}]
      ---
      """;

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
  void flagsBlanketTolerationOfOutOfScopeWorkload() {
    tester.given(CDE + NODES + """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: scanner, namespace: tools}
        spec:
          template:
            spec:
              tolerations:            # expect-violation: (out of scope) can be scheduled onto cde-1
                - operator: Exists
              containers: [{name: s, image: s}]
        """).assertMarkedViolations().assertObserved("* exists");
  }

  @Test
  void flagsDaemonSetWithLowerSeverityAndSparesConnectedWorkloads() {
    var given = tester.given(CDE + NODES + """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: logs, namespace: tools}
        spec:
          template:
            spec:
              tolerations:            # expect-violation: a DaemonSet runs on every node it tolerates
                - key: pool
                  operator: Exists
              containers: [{name: l, image: l}]
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: edge}
        spec:
          template:
            spec:
              tolerations: [{operator: Exists}]
              containers: [{name: a, image: a}]
        """).assertMarkedViolations();
    assertThat(given.findings()).singleElement().satisfies(f -> assertThat(f.severity().name()).isEqualTo("MEDIUM"));
  }

  @Test
  void flagsWithoutNodesFromTheCdeWorkloadsTolerations() {
    tester.given(CDE + """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: tools}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  tolerations:        # expect-violation: can be scheduled onto the CDE node pool
                    - {key: pool, value: cde, effect: NoSchedule}
                  containers: [{name: r, image: r}]
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenOthersDoNotTolerateTheCdeTaint() {
    tester.given(CDE + NODES + """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: tools}
        spec:
          template:
            spec:
              containers: [{name: w, image: w}]
        """).assertNoViolations();
  }

  @Test
  void flagsUntaintedCdeNodesOnce() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: pay}
        spec:
          template:
            spec:
              containers: [{name: api, image: api}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: tools}
        spec:
          template:
            spec:
              containers: [{name: w, image: w}]
        """).assertStatus(Status.FAIL);
    assertThat(given.findings()).singleElement().satisfies(f ->
        assertThat(f.message()).contains("carry no taint of their own"));
  }

  @Test
  void isNotApplicableWithoutCdeWorkloads() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: tools}
        spec:
          template:
            spec:
              containers: [{name: w, image: w}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
