package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RunAsRootRuleTest {
  private final RuleTester tester = RuleTester.of(new RunAsRootRule());

  @Test
  void flagsContainersWithoutNonRootSettings() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              initContainers:
                - name: init          # expect-violation: init container "init" may run as root
                  image: busybox:1.36
              containers:
                - name: web
                  image: web:1
                  securityContext:
                    runAsNonRoot: false   # expect-violation: container "web" may run as root
        """).assertMarkedViolations();
  }

  @Test
  void flagsExplicitUserZeroEvenWithPodNonRoot() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
            - name: app
              image: app:1
              securityContext:
                runAsUser: 0          # expect-violation: runs as user 0
        """).assertMarkedViolations();
  }

  @Test
  void containerSettingOverridesPodSetting() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: shop
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 0
              containers:
                - name: db
                  image: db:1
                  securityContext:
                    runAsUser: 999
        """).assertNoViolations();
  }

  @Test
  void passesWithPodLevelNonRoot() {
    tester.given("""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: c
          namespace: shop
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: c
                      image: c:1
        """).assertNoViolations();
  }

  @Test
  void skipsWindowsPods() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: win
          namespace: shop
        spec:
          os:
            name: windows
          containers:
            - name: app
              image: app:1
        """).assertStatus(Status.PASS);
  }

  @Test
  void isNotApplicableToSecrets() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
          namespace: shop
        type: Opaque
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
