package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class EtcdServerTlsRuleTest {
  private final RuleTester tester = RuleTester.of(new EtcdServerTlsRule());

  @Test
  void flagsPlainPeerListenersOffTheHost() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: etcd, namespace: kube-system, labels: {component: etcd}}
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
                - --listen-client-urls=https://127.0.0.1:2379,http://10.0.0.5:2379
                - --listen-peer-urls=http://127.0.0.1:2380,http://10.0.0.5:2380  # expect-violation: listens for peers without TLS on http://10.0.0.5:2380
                - --initial-advertise-peer-urls=http://10.0.0.5:2380            # expect-violation: advertises peers without TLS
                - --listen-metrics-urls=http://127.0.0.1:2381
        """).assertMarkedViolations();
  }

  @Test
  void passesWithTlsEverywhere() {
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
                - --listen-client-urls=https://127.0.0.1:2379
                - --listen-peer-urls=https://10.0.0.5:2380
        """).assertNoViolations();
  }

  @Test
  void leavesClientCertificateAuthenticationToKpci0226() {
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
                - --client-cert-auth=false
                - --auto-tls=true
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
              command: [etcd, --auto-tls=true]   # expect-violation: etcd has no --cert-file
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
