package dev.kubepci.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The model against answers worked out by hand from {@code access-fixture.yaml}: aggregation (also transitive),
 * groups, implicit groups, namespaced and cluster bindings, resourceNames, subresource wildcards, Kubernetes
 * default roles and bindings that cannot be resolved.
 */
class RbacTest {
  private final Rbac rbac = Rbac.of(RbacFixtures.resource("access-fixture.yaml"));

  private List<String> whoCan(AccessRequest request) {
    return List.copyOf(new TreeSet<>(rbac.subjectsAllowed(request).stream().map(g -> g.subject().display()).toList()));
  }

  @Test
  void listsClusterAndNamespaceGrantsForSecretsInShop() {
    assertThat(whoCan(AccessRequest.namespaced("get", "", "secrets", null, "shop", null))).containsExactly(
        "Group system:masters", "Group system:serviceaccounts:shop", "ServiceAccount monitoring/collector",
        "User auditor@example.com");
  }

  @Test
  void resourceNamesMatchOnlyRequestsForThatName() {
    assertThat(whoCan(AccessRequest.namespaced("get", "", "secrets", null, "shop", "db-password")))
        .contains("User bob");
    assertThat(whoCan(AccessRequest.namespaced("get", "", "secrets", null, "shop", "other"))).doesNotContain("User bob");
    assertThat(whoCan(AccessRequest.namespaced("list", "", "secrets", null, "shop", null))).doesNotContain("User bob");
  }

  @Test
  void roleBindingGrantsStayInTheirNamespace() {
    assertThat(whoCan(AccessRequest.namespaced("get", "", "secrets", null, "web", null))).containsExactly(
        "Group system:masters", "ServiceAccount monitoring/collector", "User auditor@example.com");
    assertThat(whoCan(AccessRequest.inAnyNamespace("get", "", "secrets", null, null))).containsExactly(
        "Group system:masters", "Group system:serviceaccounts:shop", "ServiceAccount monitoring/collector",
        "User auditor@example.com");
  }

  @Test
  void aggregatedRoleCollectsRulesOfSelectedRolesTransitively() {
    assertThat(whoCan(AccessRequest.namespaced("create", "", "pods", "exec", "shop", null)))
        .containsExactly("Group ops", "Group system:masters");
    assertThat(whoCan(AccessRequest.clusterScoped("get", "", "nodes", "proxy", null)))
        .containsExactly("Group ops", "Group system:masters");
    // configmaps come from nested-leaf through ops-nested; view (a Kubernetes default) grants them in web
    assertThat(whoCan(AccessRequest.namespaced("get", "", "configmaps", null, "web", null)))
        .containsExactly("Group ops", "Group system:authenticated", "Group system:masters");
    Role ops = rbac.clusterRole("ops").orElseThrow();
    assertThat(ops.aggregated()).isTrue();
    assertThat(ops.rules()).extracting(SourcedRule::describeOrigin).containsExactly(
        "ClusterRole/nested-leaf rules[0]", "ClusterRole/ops-nodes rules[0]", "ClusterRole/ops-pods rules[0]",
        "ClusterRole/ops-pods rules[1]");
  }

  @Test
  void anEmptyAggregationSelectorSelectsEveryRoleAndNoSelectorNone() {
    // a null list element decodes as the zero selector {}, as in Kubernetes; only no selector at all selects nothing
    Rbac model = Rbac.of(RbacFixtures.yaml("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: collects-everything}
        aggregationRule:
          clusterRoleSelectors: [{}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: collects-everything-too}
        aggregationRule:
          clusterRoleSelectors: [~]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: collects-nothing}
        aggregationRule: {}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: leaf, labels: {team: a}}
        rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
        """));
    assertThat(model.clusterRole("collects-everything").orElseThrow().rules())
        .extracting(SourcedRule::describeOrigin).contains("ClusterRole/leaf rules[0]");
    assertThat(model.clusterRole("collects-everything-too").orElseThrow().rules())
        .extracting(SourcedRule::describeOrigin).contains("ClusterRole/leaf rules[0]");
    assertThat(model.clusterRole("collects-nothing").orElseThrow().rules()).isEmpty();
    assertThat(model.clusterRole("collects-nothing").orElseThrow().aggregated()).isTrue();
  }

  @Test
  void subresourceWildcardMatchesAnyResourcesSubresource() {
    assertThat(whoCan(AccessRequest.namespaced("update", "apps", "deployments", "scale", "shop", null)))
        .containsExactly("Group shop-devs", "Group system:masters", "ServiceAccount shop/ci");
    assertThat(whoCan(AccessRequest.namespaced("update", "apps", "deployments", null, "shop", null)))
        .containsExactly("Group system:masters");
  }

  @Test
  void clusterScopedResourcesIgnoreRoleBindings() {
    assertThat(whoCan(AccessRequest.clusterScoped("get", "", "nodes", null, null)))
        .containsExactly("Group ops", "Group system:masters");
  }

  @Test
  void nonResourceUrlsComeFromClusterRoleBindingsOnly() {
    assertThat(whoCan(AccessRequest.nonResource("get", "/version"))).containsExactly(
        "Group system:authenticated", "Group system:masters", "Group system:unauthenticated");
    assertThat(whoCan(AccessRequest.nonResource("get", "/metrics"))).containsExactly("Group system:masters");
  }

  @Test
  void serviceAccountGetsGrantsOfItsImplicitGroups() {
    Identity ci = Identity.serviceAccount("shop", "ci");
    assertThat(ci.groups()).containsExactly("system:authenticated", "system:serviceaccounts",
        "system:serviceaccounts:shop");
    assertThat(rbac.permissionsOf(Subject.serviceAccount("shop", "ci")))
        .extracting(g -> g.binding().display() + " " + g.rule().describeOrigin())
        .containsExactly(
            "ClusterRoleBinding/system:public-info-viewer ClusterRole/system:public-info-viewer rules[0] (Kubernetes default)",
            "RoleBinding/shop/deployers Role/shop/deployer rules[0]",
            "RoleBinding/shop/deployers Role/shop/deployer rules[1]",
            "RoleBinding/shop/service-accounts-read-secrets ClusterRole/secret-reader rules[0]",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[0] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[1] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[2] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[3] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[4] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[5] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[6] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[7] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[8] (Kubernetes default)",
            "RoleBinding/web/everyone-views ClusterRole/system:aggregate-to-view rules[9] (Kubernetes default)");
    assertThat(rbac.allows(ci, AccessRequest.namespaced("get", "", "secrets", null, "shop", null))).isTrue();
    assertThat(rbac.allows(ci, AccessRequest.namespaced("get", "", "secrets", null, "web", null))).isFalse();
    assertThat(rbac.allows(ci, AccessRequest.namespaced("get", "", "configmaps", null, "web", null))).isTrue();
    assertThat(rbac.allows(ci, AccessRequest.namespaced("get", "", "configmaps", null, "shop", null))).isFalse();
  }

  @Test
  void serviceAccountOfAnotherNamespaceDoesNotGetTheNamespaceGroupGrant() {
    Identity other = Identity.serviceAccount("web", "ci");
    assertThat(rbac.allows(other, AccessRequest.namespaced("get", "", "secrets", null, "shop", null))).isFalse();
    assertThat(rbac.allows(other, AccessRequest.namespaced("create", "apps", "deployments", null, "shop", null)))
        .isFalse();
  }

  @Test
  void groupMembersAreAuthenticatedUsers() {
    List<String> bindings = rbac.permissionsOf(Subject.group("ops")).stream()
        .map(g -> g.binding().display()).distinct().toList();
    assertThat(bindings).containsExactly("ClusterRoleBinding/ops-team", "ClusterRoleBinding/system:public-info-viewer",
        "RoleBinding/web/everyone-views");
  }

  @Test
  void anonymousGetsOnlyUnauthenticatedGrants() {
    Identity anonymous = Identity.user(Identity.ANONYMOUS, List.of());
    assertThat(anonymous.groups()).containsExactly("system:unauthenticated");
    assertThat(rbac.permissionsOf(anonymous)).extracting(g -> g.binding().display())
        .containsExactly("ClusterRoleBinding/system:public-info-viewer");
  }

  @Test
  void systemMastersMayDoAnything() {
    Identity admin = Identity.user("kubernetes-admin", List.of("system:masters"));
    assertThat(rbac.allows(admin, AccessRequest.clusterScoped("delete", "", "nodes", null, "n1"))).isTrue();
  }

  @Test
  void unresolvedRolesAndUnmatchableSubjectsAreReported() {
    assertThat(rbac.unresolved()).extracting(Binding::display).containsExactly("ClusterRoleBinding/carol-unknown");
    assertThat(rbac.problems()).anySatisfy(p -> assertThat(p).contains("carol-unknown")
        .contains("ClusterRole/does-not-exist"));
    assertThat(rbac.problems()).anySatisfy(p -> assertThat(p).contains("auditors-secrets subjects[2]")
        .contains("needs a namespace"));
    assertThat(rbac.permissionsOf(Subject.user("carol"))).extracting(g -> g.binding().display())
        .doesNotContain("ClusterRoleBinding/carol-unknown");
  }

  @Test
  void recognisesKubernetesOwnGrants() {
    assertThat(rbac.grants()).filteredOn(Grant::expected).extracting(g -> g.binding().name()).containsOnly(
        "cluster-admin", "system:public-info-viewer");
  }

  @Test
  void holdersOfIgnoreNamesButNotScope() {
    assertThat(rbac.holdersOf(Permission.of("get", "", "secrets", null))).extracting(g -> g.subject().display())
        .contains("User bob");
    assertThat(rbac.holdersOf(Permission.of("get", "", "nodes", "proxy"))).extracting(g -> g.subject().display())
        .containsExactlyInAnyOrder("Group ops", "Group system:masters");
  }

  @Test
  void resolvesResourceNamesAsKubectlDoes() {
    assertThat(rbac.resolve("pods/exec")).isEqualTo(new Rbac.ResourceTarget("", "pods", "exec", true));
    assertThat(rbac.resolve("deployments")).isEqualTo(new Rbac.ResourceTarget("apps", "deployments", null, true));
    assertThat(rbac.resolve("clusterroles").namespaced()).isFalse();
    assertThat(rbac.resolve("widgets.example.com")).isEqualTo(
        new Rbac.ResourceTarget("example.com", "widgets", null, true));
    assertThatThrownBy(() -> rbac.resolve("widgets")).hasMessageContaining("RESOURCE.GROUP");
  }
}
