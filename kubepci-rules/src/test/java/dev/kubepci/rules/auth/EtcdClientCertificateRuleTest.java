package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class EtcdClientCertificateRuleTest {
  private final RuleTester tester = RuleTester.of(new EtcdClientCertificateRule());

  @Test
  void flagsMissingClientAuthAutoTlsAndPlainHttp() {
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
                - --client-cert-auth=false                          # expect-violation: etcd accepts clients without a certificate
                - --peer-client-cert-auth=true
                - --auto-tls=true                                   # expect-violation: etcd uses self-signed certificates
                - --listen-client-urls=http://0.0.0.0:2379          # expect-violation: etcd serves clients without TLS on http://0.0.0.0:2379
        """).assertMarkedViolations();
  }

  @Test
  void flagsDefaultsWhenFlagsAreAbsent() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: etcd, namespace: kube-system}
        spec:
          containers:
            - name: etcd
              image: registry.k8s.io/etcd:3.5.15-0
              command: [etcd, --name=cp-1]    # expect-violation: (--client-cert-auth not set; the default is false)
        """).assertMarkedViolations();
    // both absent flags point at the command: one finding that says both
    assertThat(given.findings()).singleElement().satisfies(f -> assertThat(f.message())
        .contains("--client-cert-auth not set", "--peer-client-cert-auth not set"));
  }

  @Test
  void passesMutualTls() {
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
                - --client-cert-auth=true
                - --peer-client-cert-auth=true
                - --listen-client-urls=https://127.0.0.1:2379,https://10.0.10.10:2379
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedForExternalEtcd() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - {name: kube-apiserver, image: k8s, command: [kube-apiserver, "--etcd-servers=https://etcd-1.internal:2379"]}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("https://etcd-1.internal:2379");
  }
}
