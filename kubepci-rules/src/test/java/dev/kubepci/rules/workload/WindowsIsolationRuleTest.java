package dev.kubepci.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsIsolationRuleTest {
  private final RuleTester tester = RuleTester.of(new WindowsIsolationRule());

  @Test
  void flagsWindowsNodeAndWindowsWorkloads() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: win-1
          labels:
            kubernetes.io/os: windows          # expect-violation: node win-1 runs Windows, whose containers are only process-isolated
        ---
        apiVersion: v1
        kind: Node
        metadata:
          name: linux-1
          labels:
            kubernetes.io/os: linux
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: iis
          namespace: web
        spec:
          template:
            spec:
              os:
                name: windows                  # expect-violation: workload runs Windows containers
              containers:
                - name: iis
                  image: iis:1
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: legacy
          namespace: web
        spec:
          nodeSelector:
            kubernetes.io/os: windows          # expect-violation: workload is scheduled onto Windows nodes
          initContainers:
            - name: init
              image: init:1
          containers:
            - name: app
              image: app:1
        """).assertMarkedViolations();
    assertThat(given.result().tables().get(0).rows()).containsExactly(
        List.of("Node", "win-1", "-"),
        List.of("Deployment", "Deployment/web/iis", "spec.os.name"),
        List.of("Pod", "Pod/web/legacy", "nodeSelector"));
  }

  @Test
  void readsTheOperatingSystemFromNodeStatusWhenTheLabelIsAbsent() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: win-2
        status:
          nodeInfo:
            operatingSystem: windows           # expect-violation: node win-2 runs Windows
        """).assertMarkedViolations();
  }

  @Test
  void passesLinuxNodesAndWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: linux-1
          labels:
            kubernetes.io/os: linux
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: data
        spec:
          template:
            spec:
              containers:
                - name: db
                  image: db:1
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutNodesWhenNoWorkloadTargetsWindows() {
    var result = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: web
        spec:
          containers:
            - name: p
              image: p:1
        """).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).contains("Windows nodes cannot be ruled out");
  }

  @Test
  void isNotApplicableWithoutNodesOrWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: web
        data:
          os: windows
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
