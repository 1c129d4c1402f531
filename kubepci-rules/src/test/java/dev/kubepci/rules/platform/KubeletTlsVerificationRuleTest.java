package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeletTlsVerificationRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletTlsVerificationRule());

  @Test
  void flagsMetricsServerSkippingKubeletCertificates() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: metrics-server, namespace: kube-system}
        spec:
          template:
            spec:
              containers:
                - name: metrics-server
                  image: registry.k8s.io/metrics-server/metrics-server:v0.7.2
                  args:
                    - --secure-port=10250
                    - --kubelet-insecure-tls     # expect-violation: skips certificate verification (--kubelet-insecure-tls)
        """).assertMarkedViolations().assertObserved("--kubelet-insecure-tls");
  }

  @Test
  void flagsInitContainerOfAPod() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: job, namespace: ops}
        spec:
          initContainers:
            - name: apply
              image: bitnami/kubectl
              command: [kubectl, apply, --insecure-skip-tls-verify=true]   # expect-violation: init container "apply" skips
          containers: [{name: main, image: busybox}]
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenVerificationIsOnOrExplicitlyKept() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: ops}
        spec:
          template:
            spec:
              containers:
                - name: agent
                  image: agent
                  args: [--kubelet-insecure-tls=false, --kubelet-certificate-authority=/ca.crt]
        """).assertNoViolations();
  }

  @Test
  void passesWithoutArguments() {
    tester.given("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: ops}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: r, image: r}]
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToOtherKinds() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: args, namespace: ops}
        data: {flags: --kubelet-insecure-tls}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
