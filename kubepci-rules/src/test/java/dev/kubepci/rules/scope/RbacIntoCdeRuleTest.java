package dev.kubepci.rules.scope;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RbacIntoCdeRuleTest {
  private final RuleTester tester = RuleTester.of(new RbacIntoCdeRule()).withConfig(ScopeConfigs.PAY);

  private static final String NAMESPACES = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: pay}
      ---
      """;

  @Test
  void flagsOutsideServiceAccountReadingCdeSecrets() {
    tester.given(NAMESPACES + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: secret-reader, namespace: pay}
        rules:
          - apiGroups: [""]
            resources: [secrets]
            verbs: [get, list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: backup, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
        subjects:
          - kind: ServiceAccount      # expect-violation: (outside the CDE) can read secrets in CDE namespace pay
            name: backup
            namespace: tools
          - kind: Group
            name: payments-oncall
        """).assertMarkedViolations().assertObserved("ServiceAccount tools/backup");
  }

  @Test
  void flagsClusterWideWildcardsAndAggregatedRoles() {
    tester.given(NAMESPACES + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: ops}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {ops/aggregate: "true"}}]
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: ops-exec, labels: {ops/aggregate: "true"}}
        rules:
          - apiGroups: [""]
            resources: ["*/exec"]   # a subresource of any resource, as RBAC matches it
            verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ops}
        subjects:
          - kind: ServiceAccount      # expect-violation: can exec into or attach to pods in every namespace
            name: runner
            namespace: ci
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: system:controller:replicaset-controller}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:controller:replicaset-controller}
        subjects: [{kind: ServiceAccount, name: replicaset-controller, namespace: kube-system}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: system:looks-like-a-default}   # a system: name does not make a custom role expected
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ops}
        subjects:
          - kind: ServiceAccount      # expect-violation: ServiceAccount kube-system/x (outside the CDE) can exec into
            name: x
            namespace: kube-system
        """).assertMarkedViolations();
  }

  @Test
  void knowsTheDefaultClusterRolesWhenTheInputLeavesThemOut() {
    tester.given(NAMESPACES + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: acme-backup-agent}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
          - kind: ServiceAccount      # expect-violation: can read secrets, exec into or attach to pods, create or change workloads, change RBAC, mint service account tokens, impersonate in every namespace
            name: default
            namespace: default
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: viewers, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: grafana, namespace: monitoring}]
        """).assertMarkedViolations();
  }

  @Test
  void passesForCdeIdentitiesAndHarmlessRoles() {
    tester.given(NAMESPACES + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: view-pods}
        rules:
          - apiGroups: [""]
            resources: [pods, pods/log]
            verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: dashboards}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view-pods}
        subjects: [{kind: ServiceAccount, name: grafana, namespace: monitoring}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: deployer, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects: [{kind: ServiceAccount, name: deployer, namespace: pay}]
        """).assertNoViolations();
  }

  @Test
  void honoursResourceNamesAndSaysWhenARoleIsUnknown() {
    // reading one named Secret still reads a CDE Secret; a binding to a role not in the input leaves the answer open
    tester.given(NAMESPACES + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: one-secret, namespace: pay}
        rules:
          - apiGroups: [""]
            resources: [secrets]
            resourceNames: [tls]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: one-secret, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: one-secret}
        subjects:
          - kind: ServiceAccount      # expect-violation: can read secrets in CDE namespace pay through Role one-secret
            name: ingress
            namespace: edge
        """).assertMarkedViolations();
    tester.given(NAMESPACES + """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: mystery, namespace: pay}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: vendor-operator}
        subjects: [{kind: ServiceAccount, name: op, namespace: vendor}]
        """).assertStatus(Status.NOT_ASSESSED);
  }

  @Test
  void isNotApplicableWithoutCdeNamespace() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: tools}
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void isManualWithoutDeclaredScope() {
    RuleTester.of(new RbacIntoCdeRule()).given(NAMESPACES).assertStatus(Status.MANUAL);
  }
}
