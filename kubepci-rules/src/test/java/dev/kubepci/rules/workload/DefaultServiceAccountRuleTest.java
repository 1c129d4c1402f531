package dev.kubepci.rules.workload;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class DefaultServiceAccountRuleTest {
  private final RuleTester tester = RuleTester.of(new DefaultServiceAccountRule());

  @Test
  void flagsDeploymentThatNamesNoServiceAccount() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:                      # expect-violation: pods run as the default service account because serviceAccountName is not set
              containers:
                - name: web
                  image: web:1
        """).assertMarkedViolations().assertObserved("<absent>");
  }

  @Test
  void flagsPodThatNamesTheDefaultServiceAccount() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: shop
        spec:
          serviceAccountName: default  # expect-violation: pods run as the namespace's default service account
          initContainers:
            - name: init
              image: init:1
          containers:
            - name: app
              image: app:1
        """).assertMarkedViolations().assertObserved("default");
  }

  @Test
  void passesWorkloadWithItsOwnServiceAccount() {
    tester.given("""
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
                spec:
                  serviceAccountName: report-writer
                  containers:
                    - name: job
                      image: job:1
        """).assertNoViolations();
  }

  @Test
  void acceptsTheDeprecatedServiceAccountField() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: legacy
          namespace: shop
        spec:
          serviceAccount: legacy-app
          containers:
            - name: app
              image: app:1
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableToServiceAccounts() {
    tester.given("""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: default
          namespace: shop
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
