package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutomountServiceAccountTokenRuleTest {
  private final RuleTester tester = RuleTester.of(new AutomountServiceAccountTokenRule());

  @Test
  void flagsPodThatRequestsTheToken() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: api
              automountServiceAccountToken: true   # expect-violation: pod requests the API token of service account "api"
              containers:
                - name: api
                  image: api:1
        """).assertMarkedViolations();
  }

  @Test
  void flagsDefaultedTokenWhenServiceAccountDoesNotOptOut() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
          namespace: shop
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
          namespace: shop
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:              # expect-violation: service account "default" does not disable automounting either
                  initContainers:
                    - name: init
                      image: busybox:1.36
                  containers:
                    - name: report
                      image: report:1
        """).assertMarkedViolations();
  }

  @Test
  void flagsDefaultedTokenWhenServiceAccountIsNotInTheInput() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:                      # expect-violation: is not in the input
          serviceAccountName: web
          containers:
            - name: web
              image: web:1
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenServiceAccountOptsOut() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        automountServiceAccountToken: false
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: web
              containers:
                - name: web
                  image: web:1
        """).assertNoViolations();
  }

  @Test
  void podSettingOverridesServiceAccount() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        automountServiceAccountToken: true
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              serviceAccountName: web
              automountServiceAccountToken: false
              containers:
                - name: web
                  image: web:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutWorkloads() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          namespace: shop
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
