package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ReadOnlyRootFilesystemRuleTest {
  private final RuleTester tester = RuleTester.of(new ReadOnlyRootFilesystemRule());

  @Test
  void flagsWritableRootFilesystemsInEveryContainerType() {
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
                - name: init              # expect-violation: init container "init" has a writable root filesystem (readOnlyRootFilesystem is not set)
                  image: busybox:1.36
              containers:
                - name: web
                  image: web:1
                  securityContext:
                    readOnlyRootFilesystem: false   # expect-violation: container "web" has a writable root filesystem (readOnlyRootFilesystem is false)
                - name: sidecar
                  image: proxy:1
                  securityContext:
                    readOnlyRootFilesystem: true
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
                  securityContext:    # expect-violation: ephemeral container "debug" has a writable root filesystem
                    runAsNonRoot: true
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenEveryContainerIsReadOnlyAndWritesToVolumes() {
    tester.given("""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: settle
          namespace: payments
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  volumes:
                    - name: tmp
                      emptyDir: {}
                  containers:
                    - name: settle
                      image: settle:1
                      securityContext:
                        readOnlyRootFilesystem: true
                      volumeMounts:
                        - {name: tmp, mountPath: /tmp}
        """).assertNoViolations().assertStatus(Status.PASS);
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
          os: {name: windows}
          containers:
            - name: app
              image: app:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToServices() {
    tester.given("""
        apiVersion: v1
        kind: Service
        metadata:
          name: s
          namespace: shop
        spec:
          ports: [{port: 80}]
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
