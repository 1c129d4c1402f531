package dev.kubepci.rules.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.model.Coverage;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Roles that grant risky permissions but that no binding of the input references: in files (a chart, a repository)
 * the binding may come from elsewhere, so they are findings one severity lower; in a whole cluster they grant nothing.
 */
class UnboundRiskyRolesTest {
  private static final String UNBOUND = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: secret-reader, namespace: shop}
      rules:
        - {apiGroups: [""], resources: [configmaps], verbs: [get]}
        - {apiGroups: [""], resources: [secrets], verbs: [get, list]}   # expect-violation: no binding in the input references it
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: debugger}
      rules:
        - {apiGroups: [""], resources: [pods/exec], verbs: [create]}
      """;

  @Test
  void flagsUnboundRoleInFilesOneSeverityLower() {
    var given = RuleTester.of(new SecretReadRule()).given(UNBOUND).assertMarkedViolations();
    assertThat(given.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.message()).contains("Role/shop/secret-reader grants get, list secrets")
          .contains("the risk applies once it is bound");
      assertThat(f.path().toString()).isEqualTo("rules[1]");
    });
  }

  @Test
  void flagsUnboundClusterRoleAsIfBoundClusterWide() {
    var given = RuleTester.of(new PodExecRule()).given(UNBOUND);
    assertThat(given.result().status()).isEqualTo(Status.FAIL);
    assertThat(given.findings()).singleElement().satisfies(f -> {
      assertThat(f.resource().displayName()).isEqualTo("ClusterRole/debugger");
      assertThat(f.message()).contains("cluster-wide by a ClusterRoleBinding");
    });
  }

  @Test
  void unboundRoleGrantsNothingInAWholeCluster() {
    Inventory cluster = Inventory.of(read(UNBOUND), Coverage.cluster(Map.of(
        "Role", Coverage.KindStatus.COLLECTED, "ClusterRole", Coverage.KindStatus.COLLECTED,
        "RoleBinding", Coverage.KindStatus.COLLECTED, "ClusterRoleBinding", Coverage.KindStatus.COLLECTED)),
        ClusterInfo.UNKNOWN);
    Outcome outcome = new SecretReadRule().check(cluster, new RuleContext(cluster, KubepciConfig.EMPTY,
        RuleTester.NOW, RuleTester.KEY));
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.NOT_APPLICABLE);
    assertThat(outcome.failures()).isEmpty();
  }

  @Test
  void roleBoundInTheInputIsJudgedThroughItsBinding() {
    RuleTester.of(new SecretReadRule()).given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: secret-reader, namespace: shop}
        rules:
          - {apiGroups: [""], resources: [secrets], verbs: [list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: reader, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: secret-reader}
        subjects:
          - {kind: ServiceAccount, name: app}   # expect-violation: may list secrets in namespace shop
        """).assertMarkedViolations();
  }

  @Test
  void roleCannotGrantClusterScopedResourcesEvenOnceBound() {
    // a Role is bound by RoleBindings only, which grant nothing on nodes: no risk to report
    RuleTester.of(new NodeProxyRule()).given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: nodes, namespace: shop}
        rules:
          - {apiGroups: [""], resources: [nodes/proxy], verbs: [get, create]}
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void clusterRoleAggregatedIntoABoundRoleIsBound() {
    RuleTester.of(new SecretReadRule()).given("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: secrets-part, labels: {example.com/aggregate-to-ops: "true"}}
        rules:
          - {apiGroups: [""], resources: [secrets], verbs: [list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: ops}
        aggregationRule:
          clusterRoleSelectors: [{matchLabels: {example.com/aggregate-to-ops: "true"}}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: ops}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ops}
        subjects:
          - {kind: Group, name: ops, apiGroup: rbac.authorization.k8s.io}   # expect-violation: may list secrets cluster-wide
        """).assertMarkedViolations();
  }

  private static List<Resource> read(String yaml) {
    List<Resource> resources = new ArrayList<>();
    try {
      new ManifestReader(new ResourceSink() {
        @Override
        public void accept(Resource resource) {
          resources.add(resource);
        }

        @Override
        public void error(ProcessingError error) {
          throw new AssertionError(error.describe());
        }
      }).read("rbac.yaml", new StringReader(yaml));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return resources;
  }
}
