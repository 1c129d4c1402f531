package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class HostNamespacesRuleTest {
  private final RuleTester tester = RuleTester.of(new HostNamespacesRule());

  @Test
  void flagsEveryHostNamespaceOfADaemonSet() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: monitoring
        spec:
          template:
            spec:
              hostNetwork: true   # expect-violation: pod uses the node's network namespace
              hostPID: true       # expect-violation: pod uses the node's process namespace
              hostIPC: true       # expect-violation: pod uses the node's IPC namespace
              containers:
                - name: agent
                  image: agent:1.0
        """).assertMarkedViolations();
  }

  @Test
  void flagsHostNetworkOfABarePod() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: probe
          namespace: default
        spec:
          hostNetwork: true       # expect-violation: network namespace
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: probe
              image: busybox:1.36
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenHostNamespacesAreFalse() {
    tester.given("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: shop
        spec:
          template:
            spec:
              hostNetwork: false
              hostPID: false
              containers:
                - name: migrate
                  image: migrate:2
        """).assertNoViolations();
  }

  @Test
  void passesWhenFieldsAreAbsent() {
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
  void isNotApplicableToServices() {
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
