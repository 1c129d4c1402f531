package dev.kubepci.rules.auth;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ApiServerStaticTokenRuleTest {
  private final RuleTester tester = RuleTester.of(new ApiServerStaticTokenRule());

  @Test
  void flagsStaticTokenAndPasswordFiles() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system, labels: {component: kube-apiserver}}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.18.0
              command:
                - kube-apiserver
                - --token-auth-file=/etc/kubernetes/auth/static-tokens.csv   # expect-violation: accepts static bearer tokens from /etc/kubernetes/auth/static-tokens.csv
                - --basic-auth-file=/etc/kubernetes/auth/passwords.csv       # expect-violation: accepts passwords
        """).assertMarkedViolations().assertObserved("/etc/kubernetes/auth/static-tokens.csv");
  }

  @Test
  void flagsFlagGivenInArgsWithSeparateValue() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command: [kube-apiserver]
              args:
                - --token-auth-file      # expect-violation: static bearer tokens
                - /srv/tokens.csv
        """).assertMarkedViolations();
  }

  @Test
  void passesWithoutStaticFiles() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command: [kube-apiserver, --oidc-issuer-url=https://login.example.com]
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutControlPlane() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers: [{name: web, image: nginx}]
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
