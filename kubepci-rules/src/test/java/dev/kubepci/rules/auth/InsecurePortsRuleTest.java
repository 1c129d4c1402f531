package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class InsecurePortsRuleTest {
  private final RuleTester tester = RuleTester.of(new InsecurePortsRule());

  private static final String SECURE_APISERVER = """
      apiVersion: v1
      kind: Pod
      metadata: {name: kube-apiserver, namespace: kube-system}
      spec:
        containers:
          - {name: kube-apiserver, image: k8s, command: [kube-apiserver, --secure-port=6443]}
      """;

  @Test
  void flagsKubeletReadOnlyPortAndApiServerInsecurePort() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.19.0
              command:
                - kube-apiserver
                - --insecure-port=8080         # expect-violation: serves unauthenticated, unencrypted requests on insecure port 8080
                - --insecure-bind-address=0.0.0.0
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        readOnlyPort: 10255                    # expect-violation: read-only port 10255
        """).assertMarkedViolations();
  }

  @Test
  void flagsInsecurePortOfOldSchedulers() {
    tester.given(SECURE_APISERVER + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-scheduler, namespace: kube-system}
        spec:
          containers:
            - name: kube-scheduler
              image: registry.k8s.io/kube-scheduler:v1.19.0
              command:
                - kube-scheduler
                - --port=10251                 # expect-violation: kube-scheduler serves unauthenticated HTTP on insecure port 10251
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        readOnlyPort: 0
        """).assertMarkedViolations();
  }

  @Test
  void passesDisabledPortsAndTheFileDefault() {
    tester.given(SECURE_APISERVER + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-controller-manager, namespace: kube-system}
        spec:
          containers:
            - {name: kube-controller-manager, image: k8s, command: [kube-controller-manager, --port=0]}
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        authentication: {anonymous: {enabled: false}}
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWhenCleanButTheKubeletIsMissing() {
    var given = tester.given(SECURE_APISERVER).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("KubeletConfiguration not in the input");
  }

  @Test
  void isNotAssessedWithNothingVisible() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
