package dev.kubepci.rules.auth;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class LegacyServiceAccountTokenRuleTest {
  private final RuleTester tester = RuleTester.of(new LegacyServiceAccountTokenRule());

  @Test
  void flagsLegacyTokenSecretWithItsLastUse() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata:
          name: build-bot-token
          namespace: default
          annotations: {kubernetes.io/service-account.name: build-bot}
          labels: {kubernetes.io/legacy-token-last-used: "2025-03-12"}
        type: kubernetes.io/service-account-token   # expect-violation: Secret holds a non-expiring token of ServiceAccount default/build-bot; last used 2025-03-12
        """).assertMarkedViolations().assertObserved("kubernetes.io/service-account-token");
  }

  @Test
  void passesOtherSecretTypesAndTheDefaultType() {
    tester.given("""
        apiVersion: v1
        kind: Secret
        metadata: {name: tls, namespace: shop}
        type: kubernetes.io/tls
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutSecrets() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: build-bot, namespace: default}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
