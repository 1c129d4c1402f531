package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ServiceAccountTokenLifetimeRuleTest {
  private final RuleTester tester = RuleTester.of(new ServiceAccountTokenLifetimeRule());

  @Test
  void flagsLongMaximumAndExtendedTokens() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command:
                - kube-apiserver
                - --service-account-max-token-expiration=720h       # expect-violation: allows service-account tokens valid for up to 720h, longer than 24h
                - --service-account-extend-token-expiration=true    # expect-violation: accepts the tokens it gives pods for a year
        """).assertMarkedViolations();
  }

  @Test
  void flagsAbsentMaximumAndTheExtensionDefaultInOneFinding() {
    assertThat(tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command: [kube-apiserver]   # expect-violation: does not cap service-account token lifetime
        """).assertMarkedViolations().findings()).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("accepts the tokens it gives pods for a year"));
  }

  @Test
  void passesShortTokensWithoutExtension() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command:
                - kube-apiserver
                - --service-account-max-token-expiration=12h0m0s
                - --service-account-extend-token-expiration=false
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutControlPlane() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: api, namespace: shop}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
