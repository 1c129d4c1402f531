package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ApiServerAnonymousAuthRuleTest {
  private final RuleTester tester = RuleTester.of(new ApiServerAnonymousAuthRule());

  @Test
  void flagsExplicitlyEnabledAnonymousAuth() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
          labels: {component: kube-apiserver, tier: control-plane}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command:
                - kube-apiserver
                - --anonymous-auth=true      # expect-violation: kube-apiserver accepts anonymous requests (--anonymous-auth=true)
                - --authorization-mode=Node,RBAC
        """).assertMarkedViolations().assertObserved("true");
  }

  @Test
  void flagsTheDefaultWhenTheFlagIsAbsent() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver-cp-1
          namespace: kube-system
          labels: {component: kube-apiserver}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command:                        # expect-violation: --anonymous-auth not set; the default is true
                - kube-apiserver
                - --secure-port=6443
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenAnonymousAuthIsOff() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command: [kube-apiserver, --anonymous-auth=false]
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWhenAnonymousAuthLivesInAnAuthenticationConfigurationFile() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.32.0
              command: [kube-apiserver, --authentication-config=/etc/kubernetes/authn.yaml]
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("/etc/kubernetes/authn.yaml");
  }

  @Test
  void isNotAssessedOnAManagedClusterNamingTheProviderSetting() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: ip-10-0-1-23.eu-west-1.compute.internal
          labels: {eks.amazonaws.com/nodegroup: default}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("Amazon EKS runs the control plane").contains("aws eks describe-cluster");
  }

  @Test
  void isNotAssessedWithoutControlPlane() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          template:
            spec:
              containers: [{name: web, image: nginx}]
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).isEqualTo("control-plane manifests or mirror pods not in the input (kube-apiserver)");
  }
}
