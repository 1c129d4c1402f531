package dev.kubepci.rules.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AnonymousGrantRuleTest {
  private final RuleTester tester = RuleTester.of(new AnonymousGrantRule());

  @Test
  void flagsViewGrantedToUnauthenticatedRequests() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: status-page-anonymous-view}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - kind: Group   # expect-violation: Group system:unauthenticated (every unauthenticated request) is granted ClusterRole/view (Kubernetes default) cluster-wide, including API resources
            name: "system:unauthenticated"
        """).assertMarkedViolations();
  }

  @Test
  void flagsNonResourceGrantToAnonymousWithLowerSeverity() {
    var given = tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: metrics-for-everyone}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:monitoring"}
        subjects:
          - {kind: User, name: "system:anonymous"}   # expect-violation: User system:anonymous (every unauthenticated request) is granted
        """).assertMarkedViolations();
    assertThat(given.findings()).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }

  @Test
  void passesTheDiscoveryDefaults() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:public-info-viewer"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:public-info-viewer"}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:unauthenticated"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: "kubeadm:bootstrap-signer-clusterinfo", namespace: kube-public}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: "kubeadm:bootstrap-signer-clusterinfo"}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: User, name: "system:anonymous"}
        """).assertNoViolations();
  }

  @Test
  void flagsAnonymousAddedToADefaultLookingBinding() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:discovery"}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:discovery"}
        subjects:
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
          - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:unauthenticated"}   # expect-violation: is granted ClusterRole/system:discovery
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cluster-info, namespace: kube-public}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
