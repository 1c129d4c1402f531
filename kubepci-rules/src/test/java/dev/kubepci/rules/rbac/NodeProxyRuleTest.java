package dev.kubepci.rules.rbac;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class NodeProxyRuleTest {
  private final RuleTester tester = RuleTester.of(new NodeProxyRule());

  @Test
  void flagsMonitoringAccountWithGetOnNodesProxy() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: prometheus}
        rules:
          - {apiGroups: [""], resources: [nodes, nodes/proxy, nodes/metrics], verbs: [get, list, watch]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: prometheus}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: prometheus}
        subjects:
          - kind: ServiceAccount    # expect-violation: ServiceAccount monitoring/prometheus may get nodes/proxy cluster-wide
            name: prometheus
            namespace: monitoring
        """).assertMarkedViolations();
  }

  @Test
  void roleBindingCannotGrantNodeAccess() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: admin-in-shop, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - {kind: User, name: ivan}
        """).assertNoViolations();
  }

  @Test
  void passesMetricsWithoutProxy() {
    tester.given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: metrics}
        rules:
          - {apiGroups: [""], resources: [nodes/metrics, nodes/stats], verbs: [get]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: metrics}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: metrics}
        subjects:
          - {kind: ServiceAccount, name: collector, namespace: monitoring}
        """).assertNoViolations();
  }

  @Test
  void isNotApplicableWithoutBindings() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: worker-1}
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
