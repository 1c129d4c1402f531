package dev.kubepci.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PodSecurityBaselineRuleTest {
  private final RuleTester tester = RuleTester.of(new PodSecurityBaselineRule());

  @Test
  void flagsHostPathVolumeAndHostPortOfADaemonSet() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: ops
        spec:
          template:
            spec:
              containers:
                - name: agent
                  image: agent:1
                  ports:
                    - containerPort: 9100
                      hostPort: 9100          # expect-violation: [hostPorts] hostPort (container "agent" uses hostPort 9100)
              volumes:
                - name: root
                  hostPath:                   # expect-violation: [hostPathVolumes] hostPath volumes (volume "root")
                    path: /
        """).assertMarkedViolations().assertObserved("9100").assertObserved("{\"path\":\"/\"}");
  }

  @Test
  void flagsAddedCapabilityOfAnInitContainerInACronJob() {
    tester.given("""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
          namespace: shop
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - name: setup
                      image: setup:1
                      securityContext:
                        capabilities:
                          add: ["NET_ADMIN"]  # expect-violation: [capabilities_baseline] non-default capabilities (container "setup" must not include "NET_ADMIN"
                  containers:
                    - name: job
                      image: job:1
        """).assertMarkedViolations().assertObserved("NET_ADMIN");
  }

  @Test
  void leavesPrivilegedAndHostNamespacesToTheirOwnRules() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: node-shell
          namespace: ops
        spec:
          hostPID: true
          containers:
            - name: shell
              image: busybox:1.36
              securityContext:
                privileged: true
        """);
    given.assertNoViolations();
  }

  @Test
  void passesWhenTheSecurityFieldsAreAbsent() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: web:1
        """).assertNoViolations();
  }

  @Test
  void flagsUnconfinedSeccompAtPodLevel() {
    var findings = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          securityContext:
            seccompProfile:
              type: Unconfined                # expect-violation: [seccompProfile_baseline]
          containers:
            - name: app
              image: app:1
        """).assertMarkedViolations().findings();
    assertThat(findings).extracting(Finding::observed).containsExactly("Unconfined");
  }

  @Test
  void isNotApplicableToObjectsWithoutPods() {
    tester.given("""
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          ports:
            - port: 80
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
