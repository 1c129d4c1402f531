package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SecretsEncryptionRuleTest {
  private final RuleTester tester = RuleTester.of(new SecretsEncryptionRule());

  private static String apiServer(String flag) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:
                - kube-apiserver
        %s---
        """.formatted(flag);
  }

  @Test
  void flagsApiServerWithoutEncryptionConfig() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.33.1
              command:                # expect-violation: Secrets are stored in etcd unencrypted
                - kube-apiserver
                - --secure-port=6443
        """).assertMarkedViolations();
  }

  @Test
  void flagsIdentityFirstAndHidesKeyMaterial() {
    var given = tester.given(apiServer("        - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n") + """
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
          - resources: [secrets]
            providers:
              - identity: {}          # expect-violation: the first provider for secrets is identity
              - aescbc:
                  keys: [{name: key1, secret: c2VjcmV0LXZhbHVlLXNob3VsZC1uZXZlci1zaG93}]
        """).assertMarkedViolations();
    assertThat(given.result().tables().get(0).rows().get(0)).containsExactly("EncryptionConfiguration/test-2",
        "secrets", "identity, aescbc", "key1");
    assertThat(given.result().tables().toString()).doesNotContain("c2VjcmV0");
  }

  @Test
  void reportsLocalKeyProvidersAtLowSeverity() {
    var given = tester.given(apiServer("        - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n") + """
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
          - resources: [secrets]
            providers:
              - aescbc:               # expect-violation: local aescbc key stored on the control-plane disk
                  keys: [{name: k, secret: eA==}]
        """).assertMarkedViolations();
    assertThat(given.findings().get(0).severity().name()).isEqualTo("LOW");
  }

  @Test
  void passesWithKmsV2() {
    tester.given(apiServer("        - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n") + """
        apiVersion: apiserver.config.k8s.io/v1
        kind: EncryptionConfiguration
        resources:
          - resources: [secrets, configmaps]
            providers:
              - kms: {apiVersion: v2, name: vault-kms, endpoint: unix:///var/run/kms.sock}
              - identity: {}
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWhenTheConfigFileIsMissing() {
    var given = tester.given(apiServer("        - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n"))
        .assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("/etc/kubernetes/enc/enc.yaml");
  }

  @Test
  void isNotAssessedOnEksNamingTheSetting() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: ip-10-0-0-1, labels: {eks.amazonaws.com/nodegroup: ng}}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("cluster.encryptionConfig");
  }
}
