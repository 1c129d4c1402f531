package dev.kubepci.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RootGroupRuleTest {
  private final RuleTester tester = RuleTester.of(new RootGroupRule());

  @Test
  void flagsGroupZeroInEveryPlaceItCanBeSet() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsGroup: 0             # expect-violation: container "agent" run with group 0 (root) as primary group, from the pod's runAsGroup
                fsGroup: 0                # expect-violation: volumes are owned by group 0 (fsGroup 0)
                supplementalGroups: [1000, 0]   # expect-violation: get group 0 as a supplementary group
              initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext:
                    runAsGroup: 0         # expect-violation: init container "init" runs with group 0 (root)
              containers:
                - name: agent
                  image: agent:1
                - name: helper
                  image: helper:1
                  securityContext:
                    runAsGroup: 2000
        """).assertMarkedViolations();
    assertThat(given.findings()).extracting(f -> f.severity()).containsOnly(Severity.MEDIUM);
  }

  @Test
  void reportsAnUnsetGroupAtLowSeverity() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          securityContext:
            runAsUser: 1000
          containers:
            - name: app            # expect-violation: container "app" may run with group 0: runAsGroup is not set
              image: app:1
          ephemeralContainers:
            - name: debug
              image: busybox:1.36
              securityContext:     # expect-violation: ephemeral container "debug" may run with group 0
                runAsUser: 1000
        """).assertMarkedViolations();
    assertThat(given.findings()).extracting(f -> f.severity()).containsOnly(Severity.LOW);
  }

  @Test
  void passesWithNonRootGroups() {
    tester.given("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: job
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsGroup: 3000
                fsGroup: 2000
                supplementalGroups: [4000]
              containers:
                - name: job
                  image: job:1
        """).assertNoViolations().assertStatus(Status.PASS);
  }

  @Test
  void skipsWindowsPodsAndIgnoresOtherKinds() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: win
          namespace: shop
        spec:
          os: {name: windows}
          containers:
            - name: app
              image: app:1
        """).assertNoViolations();
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
          namespace: shop
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
