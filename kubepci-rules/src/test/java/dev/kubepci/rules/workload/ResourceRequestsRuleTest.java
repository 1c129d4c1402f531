package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ResourceRequestsRuleTest {
  private final RuleTester tester = RuleTester.of(new ResourceRequestsRule());

  @Test
  void flagsMissingCpuAndMemoryRequests() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: shop
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox:1.36
                  resources:
                    requests:             # expect-violation: init container "init" sets no cpu request
                      memory: 64Mi
              containers:
                - name: db
                  image: db:1
                  resources:
                    requests:             # expect-violation: container "db" sets no memory request
                      cpu: 100m
                    limits:
                      cpu: 500m
              ephemeralContainers:
                - name: debug
                  image: busybox:1.36
        """).assertMarkedViolations();
  }

  @Test
  void aLimitIsAlsoTheRequest() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          containers:
            - name: app
              image: app:1
              resources:
                limits: {cpu: 200m, memory: 128Mi}
        """).assertNoViolations();
  }

  @Test
  void acceptsRequestsALimitRangeDefaultsAtAdmission() {
    tester.given("""
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: payments
        spec:
          limits:
            - type: Container
              defaultRequest:
                cpu: 100m
              default:
                memory: 256Mi
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: payments
        spec:
          containers:
            - name: app
              image: app:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: other
          namespace: shop
        spec:
          containers:
            - name: app           # expect-violation: container "app" sets no memory request
              image: app:1
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: shop
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
