package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ApiServerExternalAuthenticationRuleTest {
  private final RuleTester tester = RuleTester.of(new ApiServerExternalAuthenticationRule());

  @Test
  void flagsApiServerWithoutIdentityProvider() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command:           # expect-violation: kube-apiserver has no external identity provider
                - kube-apiserver
                - --client-ca-file=/etc/kubernetes/pki/ca.crt
        """).assertMarkedViolations();
  }

  @Test
  void passesOidcAndNotesThatCertificatesStillWork() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command:
                - kube-apiserver
                - --client-ca-file=/etc/kubernetes/pki/ca.crt
                - --oidc-issuer-url=https://login.example.com/realms/platform
        """).assertNoViolations();
    assertThat(given.result().notes()).anySatisfy(n -> assertThat(n).contains("client certificates signed by"));
  }

  @Test
  void passesJwtAuthenticationConfigurationAndTokenWebhook() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver-a, namespace: kube-system}
        spec:
          containers:
            - {name: kube-apiserver, image: k8s, command: [kube-apiserver, --authentication-config=/etc/authn.yaml]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver-b, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: k8s
              command: [kube-apiserver, --authentication-token-webhook-config-file=/etc/webhook.kubeconfig]
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedOnAksNamingEntraIntegration() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: aks-system-12345678-vmss000000
          labels: {kubernetes.azure.com/cluster: MC_rg_cluster_westeurope}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("aadProfile").contains("az aks show");
  }
}
