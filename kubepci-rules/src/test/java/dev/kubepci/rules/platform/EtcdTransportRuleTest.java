package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class EtcdTransportRuleTest {
  private final RuleTester tester = RuleTester.of(new EtcdTransportRule());

  @Test
  void flagsPlainListenersAndMissingClientAuth() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: etcd, namespace: kube-system, labels: {component: etcd}}
        spec:
          containers:
            - name: etcd
              image: registry.k8s.io/etcd:3.5.15-0
              command:                 # expect-violation: does not require client certificates from peers
                - etcd
                - --cert-file=/pki/server.crt
                - --key-file=/pki/server.key
                - --peer-cert-file=/pki/peer.crt
                - --peer-key-file=/pki/peer.key
                - --client-cert-auth=false        # expect-violation: from clients (--client-cert-auth=false)
                - --listen-client-urls=https://127.0.0.1:2379,http://10.0.0.5:2379  # expect-violation: listens without TLS on http://10.0.0.5:2379
                - --listen-metrics-urls=http://127.0.0.1:2381
        """).assertMarkedViolations();
  }

  @Test
  void passesWithMutualTlsEverywhere() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: etcd, namespace: kube-system}
        spec:
          containers:
            - name: etcd
              image: registry.k8s.io/etcd:3.5.15-0
              command:
                - etcd
                - --cert-file=/pki/server.crt
                - --key-file=/pki/server.key
                - --peer-cert-file=/pki/peer.crt
                - --peer-key-file=/pki/peer.key
                - --client-cert-auth=true
                - --peer-client-cert-auth=true
                - --listen-client-urls=https://127.0.0.1:2379
                - --listen-peer-urls=https://10.0.0.5:2380
        """).assertNoViolations();
  }

  @Test
  void flagsMissingCertificatesWhenFlagsAreAbsent() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: etcd, namespace: kube-system}
        spec:
          containers:
            - name: etcd
              image: registry.k8s.io/etcd:3.5.15-0
              command: [etcd, --auto-tls=true]   # expect-violation: uses self-signed certificates
        """).assertMarkedViolations();
  }

  @Test
  void isNotAssessedWithoutEtcd() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: kube-system}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
