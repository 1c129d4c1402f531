package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class WindowsHostProcessRuleTest {
  private final RuleTester tester = RuleTester.of(new WindowsHostProcessRule());

  @Test
  void flagsHostProcessAtPodLevelOfADaemonSet() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: win-agent
          namespace: ops
        spec:
          template:
            spec:
              os:
                name: windows
              hostNetwork: true
              securityContext:
                windowsOptions:
                  hostProcess: true        # expect-violation: pod runs as a Windows HostProcess on the node
                  runAsUserName: "NT AUTHORITY\\\\SYSTEM"
              containers:
                - name: agent
                  image: agent:1
        """).assertMarkedViolations().assertObserved("true");
  }

  @Test
  void flagsHostProcessInitContainer() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: setup
          namespace: ops
        spec:
          os:
            name: windows
          initContainers:
            - name: prepare
              image: prepare:1
              securityContext:
                windowsOptions:
                  hostProcess: true        # expect-violation: init container "prepare" runs as a Windows HostProcess
          containers:
            - name: app
              image: app:1
        """).assertMarkedViolations();
  }

  @Test
  void passesWindowsPodWithoutHostProcess() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: iis
          namespace: web
        spec:
          template:
            spec:
              os:
                name: windows
              securityContext:
                windowsOptions:
                  hostProcess: false
                  runAsUserName: ContainerUser
              containers:
                - name: iis
                  image: iis:1
        """).assertNoViolations();
  }

  @Test
  void passesLinuxPodWithoutWindowsOptions() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: web
        spec:
          containers:
            - name: p
              image: p:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToNodes() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: win-1
          labels:
            kubernetes.io/os: windows
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
