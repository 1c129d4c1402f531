package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PrivilegedContainerRuleTest {
  private final RuleTester tester = RuleTester.of(new PrivilegedContainerRule());

  @Test
  void flagsPrivilegedContainerInDeployment() {
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
                - name: app
                  image: nginx
                  securityContext:
                    privileged: true      # expect-violation: container "app" runs privileged
        """).assertMarkedViolations().assertObserved("true");
  }

  @Test
  void flagsPrivilegedInitAndEphemeralContainersOfPod() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          namespace: shop
        spec:
          initContainers:
            - name: setup
              image: busybox
              securityContext:
                privileged: true          # expect-violation: init container "setup" runs privileged
          containers:
            - name: app
              image: nginx
          ephemeralContainers:
            - name: shell
              image: busybox
              securityContext:
                privileged: true          # expect-violation: ephemeral container "shell" runs privileged
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenPrivilegedIsFalse() {
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
                  containers:
                    - name: job
                      image: busybox
                      securityContext:
                        privileged: false
        """).assertNoViolations();
  }

  @Test
  void passesWhenSecurityContextIsAbsent() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: postgres
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToObjectsWithoutPods() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
        data:
          privileged: "true"
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
