package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ResourceLimitsRuleTest {
  private final RuleTester tester = RuleTester.of(new ResourceLimitsRule());

  @Test
  void flagsMissingCpuAndMemoryLimits() {
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
                - name: init
                  image: busybox:1.36
                  resources:
                    limits:               # expect-violation: init container "init" sets no cpu limit
                      memory: 64Mi
              containers:
                - name: web
                  image: web:1
                  resources:
                    requests:
                      cpu: 100m
                    limits:               # expect-violation: container "web" sets no memory limit
                      cpu: 500m
        """).assertMarkedViolations();
  }

  @Test
  void flagsContainerWithoutResources() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          containers:
            - name: app               # expect-violation: sets no cpu limit
              image: app:1
          ephemeralContainers:
            - name: debug
              image: busybox:1.36
        """).assertMarkedViolations();
  }

  @Test
  void acceptsLimitsALimitRangeDefaultsAtAdmission() {
    tester.given("""
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: payments
        spec:
          limits:
            - type: Container
              default:
                memory: 256Mi
        ---
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
                  containers:
                    - name: settle         # expect-violation: container "settle" sets no cpu limit
                      image: settle:1
        """).assertMarkedViolations();
  }

  @Test
  void passesWithBothLimits() {
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
                  resources:
                    limits:
                      cpu: 200m
                      memory: 128Mi
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: shop
        spec:
          limits: []
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
