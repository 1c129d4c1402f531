package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeconfigCredentialRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeconfigCredentialRule());

  @Test
  void flagsCertificateTokenAndPasswordUsers() {
    var given = tester.given("""
        apiVersion: v1
        kind: Config
        users:
          - name: kubernetes-admin
            user:
              client-certificate-data: Q0VSVA==     # expect-violation: kubeconfig user "kubernetes-admin" (context admin@prod) authenticates with a client certificate
              client-key-data: S0VZ
          - name: ci
            user:
              tokenFile: /var/run/ci/token          # expect-violation: authenticates with a static bearer token
          - name: legacy
            user:
              username: admin
              password: hunter2                     # expect-violation: authenticates with a user name and password
        contexts:
          - name: admin@prod
            context: {cluster: prod, user: kubernetes-admin}
        """).assertMarkedViolations();
    assertThat(given.findings()).noneSatisfy(f -> assertThat(f.observed()).contains("hunter2"));
  }

  @Test
  void passesExecPluginAndOidcAuthProvider() {
    tester.given("""
        apiVersion: v1
        kind: Config
        users:
          - name: alice-oidc
            user:
              exec:
                apiVersion: client.authentication.k8s.io/v1beta1
                command: kubectl
                args: [oidc-login, get-token]
          - name: eks
            user:
              exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws, args: [eks, get-token]}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutKubeconfig() {
    var given = tester.given("""
        apiVersion: v1
        kind: Secret
        metadata: {name: kubeconfig, namespace: ci}
        type: Opaque
        """).assertStatus(Status.NOT_APPLICABLE);
    assertThat(given.result().reason()).contains("--kubeconfig-file");
  }
}
