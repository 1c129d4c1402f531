package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ApiServerTransportRuleTest {
  private final RuleTester tester = RuleTester.of(new ApiServerTransportRule());

  @Test
  void flagsOldTlsPlainEtcdAndMissingKubeletCa() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system, labels: {component: kube-apiserver}}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.23.17
              command:                            # expect-violation: does not verify kubelet serving certificates
                - kube-apiserver
                - --insecure-port=8080            # KPCI-0225 reports the insecure port
                - --tls-min-version=VersionTLS11  # expect-violation: accepts VersionTLS11
                - --etcd-servers=http://127.0.0.1:2379  # expect-violation: talks to etcd over plain http
        """).assertMarkedViolations();
  }

  @Test
  void passesWithVerifiedTls() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:
                - kube-apiserver
                - --insecure-port=0
                - --tls-min-version=VersionTLS13
                - --etcd-servers=https://127.0.0.1:2379
                - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt
                - --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedOnManagedClusters() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: gke-pool-1-abc, labels: {cloud.google.com/gke-nodepool: pool-1}}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("Google GKE").contains("gcloud container clusters describe");
  }

  @Test
  void isNotAssessedWithoutTheApiServer() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x, namespace: default}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
