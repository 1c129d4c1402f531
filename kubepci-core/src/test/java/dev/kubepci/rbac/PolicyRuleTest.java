package dev.kubepci.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule matching as the Kubernetes RBAC authorizer does it. */
class PolicyRuleTest {
  private static PolicyRule rule(List<String> verbs, List<String> groups, List<String> resources) {
    return new PolicyRule(verbs, groups, resources, null, null);
  }

  private static AccessRequest pods(String verb, String sub) {
    return AccessRequest.namespaced(verb, "", "pods", sub, "shop", null);
  }

  @Test
  void starMatchesEveryVerbGroupAndResourceIncludingSubresources() {
    PolicyRule all = rule(List.of("*"), List.of("*"), List.of("*"));
    assertThat(all.allows(pods("create", "exec"))).isTrue();
    assertThat(all.allows(AccessRequest.clusterScoped("delete", "rbac.authorization.k8s.io", "clusterroles", null, "x")))
        .isTrue();
    assertThat(all.allows(AccessRequest.nonResource("get", "/metrics"))).isFalse();
    assertThat(all.isFullWildcard()).isTrue();
  }

  @Test
  void resourceWithoutSubresourceDoesNotMatchItsSubresources() {
    PolicyRule podsOnly = rule(List.of("create"), List.of(""), List.of("pods"));
    assertThat(podsOnly.allows(pods("create", null))).isTrue();
    assertThat(podsOnly.allows(pods("create", "exec"))).isFalse();
  }

  @Test
  void starSlashSubresourceMatchesThatSubresourceOfAnyResource() {
    PolicyRule anyExec = rule(List.of("create"), List.of(""), List.of("*/exec"));
    assertThat(anyExec.allows(pods("create", "exec"))).isTrue();
    assertThat(anyExec.allows(pods("create", "attach"))).isFalse();
    assertThat(anyExec.allows(pods("create", null))).isFalse();
  }

  @Test
  void resourceSlashStarHasNoSpecialMeaning() {
    PolicyRule podsStar = rule(List.of("create"), List.of(""), List.of("pods/*"));
    assertThat(podsStar.allows(pods("create", "exec"))).isFalse();
    assertThat(podsStar.allows(pods("create", null))).isFalse();
  }

  @Test
  void groupMustMatch() {
    PolicyRule core = rule(List.of("get"), List.of(""), List.of("deployments"));
    assertThat(core.allows(AccessRequest.namespaced("get", "apps", "deployments", null, "shop", null))).isFalse();
  }

  @Test
  void nonResourceUrlsMatchExactlyOrByTrailingStarPrefix() {
    PolicyRule health = new PolicyRule(List.of("get"), null, null, null, List.of("/healthz", "/apis/*"));
    assertThat(health.allows(AccessRequest.nonResource("get", "/healthz"))).isTrue();
    assertThat(health.allows(AccessRequest.nonResource("get", "/healthz/etcd"))).isFalse();
    assertThat(health.allows(AccessRequest.nonResource("get", "/apis/apps/v1"))).isTrue();
    assertThat(health.allows(AccessRequest.nonResource("post", "/healthz"))).isFalse();
    assertThat(health.allows(pods("get", null))).isFalse();
  }

  @Test
  void couldAllowIgnoresResourceNames() {
    PolicyRule named = new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), List.of("db"), null);
    assertThat(named.allows(AccessRequest.namespaced("get", "", "secrets", null, "shop", null))).isFalse();
    assertThat(named.couldAllow("get", "", "secrets", null)).isTrue();
    assertThat(named.isNameRestricted()).isTrue();
    assertThat(named.describe()).isEqualTo("apiGroups=[\"\"] resources=[secrets] resourceNames=[db] verbs=[get]");
  }
}
