package dev.kubepci.rules.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class EnvSecretRuleTest {
  private final RuleTester tester = RuleTester.of(new EnvSecretRule());

  @Test
  void flagsLiteralSecretsInEnvironmentAndNeverShowsThem() {
    var findings = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: storefront
          namespace: web
        spec:
          template:
            spec:
              containers:
                - name: storefront
                  image: storefront:1
                  env:
                    - name: STRIPE_KEY
                      value: sk_live_EXAMPLEONLY0000000000000000   # expect-violation: container "storefront" sets environment variable STRIPE_KEY to a literal secret (detector stripe-key, hmac:
                    - name: DATABASE_URL
                      value: postgres://shop:EXAMPLE-pw@db.example.com/shop   # expect-violation: sets environment variable DATABASE_URL to a literal secret (detector password-in-url
                    - name: LOG_LEVEL
                      value: info
                    - name: DB_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: db
                          key: password
        """).assertMarkedViolations().findings();
    assertThat(findings).extracting(Finding::observed).allMatch(o -> o.startsWith("<redacted "));
    assertThat(findings).noneMatch(f -> (f.observed() + f.message()).contains("EXAMPLEONLY")
        || (f.observed() + f.message()).contains("EXAMPLE-pw"));
  }

  @Test
  void flagsSecretsOnTheCommandLineOfAnInitContainerInAJob() {
    tester.given("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: payments
        spec:
          template:
            spec:
              initContainers:
                - name: wait
                  image: wait:1
                  args:
                    - --db-password=EXAMPLE-init-pass       # expect-violation: init container "wait" passes a literal secret on its command line (--db-password
                    - --timeout=30s
              containers:
                - name: migrate
                  image: migrate:1
                  command: ["migrate", "--token"]
                  args:
                    - EXAMPLE-migrate-token                 # expect-violation: (the argument after --token
                    - --url=file:///migrations
        """).assertMarkedViolations();
  }

  @Test
  void passesReferencesAndPlainSettings() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: api
          namespace: payments
        spec:
          containers:
            - name: api
              image: api:1
              args: ["--password-file=/etc/secret/password", "--listen=:8443"]
              env:
                - name: DB_PASSWORD
                  value: $(DB_PASSWORD_FROM_SECRET)
                - name: TOKENIZER_URL
                  value: https://card-tokenizer.payments.svc.cluster.local:9443
          ephemeralContainers:
            - name: debug
              image: busybox:1.36
        """).assertNoViolations();
  }

  @Test
  void passesContainersWithoutEnvOrArgs() {
    tester.given("""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
          namespace: ops
        spec:
          template:
            spec:
              containers:
                - name: agent
                  image: agent:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToConfigMaps() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: web
        data:
          PASSWORD: EXAMPLE
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
