package dev.kubepci.rules.pki;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CertificateSigningDurationRuleTest {
  private final RuleTester tester = RuleTester.of(new CertificateSigningDurationRule());

  @Test
  void flagsTenYearSigningDuration() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-controller-manager, namespace: kube-system, labels: {component: kube-controller-manager}}
        spec:
          containers:
            - name: kube-controller-manager
              image: registry.k8s.io/kube-controller-manager:v1.31.4
              command:
                - kube-controller-manager
                - --cluster-signing-duration=87600h   # expect-violation: signs certificates valid for 87600h, longer than 8760h
        """).assertMarkedViolations().assertObserved("87600h");
  }

  @Test
  void passesTheDefaultAndShorterDurations() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-controller-manager-a, namespace: kube-system}
        spec:
          containers:
            - {name: kube-controller-manager, image: k8s, command: [kube-controller-manager]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-controller-manager-b, namespace: kube-system}
        spec:
          containers:
            - {name: kube-controller-manager, image: k8s, command: [kube-controller-manager, --cluster-signing-duration=720h]}
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutControllerManager() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - {name: kube-apiserver, image: k8s, command: [kube-apiserver]}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
