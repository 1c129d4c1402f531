package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ApiServerAuthorizationModeRuleTest {
  private final RuleTester tester = RuleTester.of(new ApiServerAuthorizationModeRule());

  @Test
  void flagsAlwaysAllowAndMissingModes() {
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
                - --authorization-mode=ABAC,AlwaysAllow   # expect-violation: kube-apiserver authorizes every request
        """).assertMarkedViolations().assertObserved("ABAC,AlwaysAllow");
  }

  @Test
  void flagsTheAlwaysAllowDefaultWhenTheFlagIsAbsent() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command: [kube-apiserver]     # expect-violation: --authorization-mode not set; the default is AlwaysAllow
        """).assertMarkedViolations();
    // three observations at one path are one finding, at the highest of their severities
    assertThat(given.findings()).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("authorizes every request", "does not use RBAC", "does not use the Node");
      assertThat(f.severity()).isEqualTo(dev.kubepci.rule.Severity.CRITICAL);
    });
  }

  @Test
  void flagsMissingNodeAuthorizer() {
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
                - --authorization-mode=RBAC   # expect-violation: does not use the Node authorizer
        """).assertMarkedViolations();
  }

  @Test
  void passesNodeAndRbacAndNotesAWebhook() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.4
              command: [kube-apiserver, "--authorization-mode=Node,RBAC,Webhook"]
        """).assertNoViolations();
    assertThat(given.result().notes()).anySatisfy(n -> assertThat(n).contains("Webhook authorizer"));
  }

  @Test
  void isNotAssessedWhenModesAreInAnAuthorizationConfigurationFile() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - {name: kube-apiserver, image: k8s, command: [kube-apiserver, --authorization-config=/etc/authz.yaml]}
        """).assertStatus(Status.NOT_ASSESSED);
  }

  @Test
  void isNotAssessedOnGkeNamingIamBindings() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: gke-prod-default-pool-1a2b3c4d-xyz0
          labels: {cloud.google.com/gke-nodepool: default-pool}
        """).assertStatus(Status.NOT_ASSESSED);
    assertThat(given.result().reason()).contains("roles/container").contains("gcloud container clusters describe");
  }
}
