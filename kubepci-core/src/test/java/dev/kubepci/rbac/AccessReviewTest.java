package dev.kubepci.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.Inventory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessReviewTest {
  private static final String BINDINGS = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: admins}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      subjects:
        - {kind: Group, name: admins}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: readers, namespace: shop}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: Group, name: admins}
      """;

  @Test
  void saysThatOnlyRbacIsAnalysedWhenTheApiServerIsNotVisible() {
    AccessReview.WhoCan answer = AccessReview.whoCan(RbacFixtures.yaml(BINDINGS),
        AccessRequest.clusterScoped("delete", "", "nodes", null, null));
    assertThat(answer.subjects()).containsExactly(Subject.group("admins"));
    assertThat(answer.alwaysAllowed()).containsExactly("Group system:masters");
    assertThat(answer.warnings()).anySatisfy(w -> assertThat(w).startsWith("only RBAC is analysed"));
  }

  @Test
  void namesOtherAuthorizationModesOfTheApiServer() {
    Inventory inventory = RbacFixtures.yaml(BINDINGS + """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver-cp, namespace: kube-system}
        spec:
          containers:
            - {name: kube-apiserver, image: k8s, command: [kube-apiserver, "--authorization-mode=Node,RBAC,Webhook"]}
        """);
    AccessReview.WhoCan answer = AccessReview.whoCan(inventory, AccessRequest.nonResource("get", "/metrics"));
    assertThat(answer.warnings()).containsExactly(
        "Pod/kube-system/kube-apiserver-cp also authorizes with Webhook, which this answer does not cover");
  }

  @Test
  void saysWhenRbacKindsCouldNotBeCollected() {
    Inventory collected = RbacFixtures.yaml(BINDINGS);
    Inventory partial = Inventory.of(collected.all(), dev.kubepci.model.Coverage.cluster(java.util.Map.of(
        "RoleBinding", dev.kubepci.model.Coverage.KindStatus.missing("forbidden: cannot list rolebindings"),
        "ClusterRoleBinding", dev.kubepci.model.Coverage.KindStatus.COLLECTED)), dev.kubepci.model.ClusterInfo.UNKNOWN);
    AccessReview.WhoCan answer = AccessReview.whoCan(partial, AccessRequest.clusterScoped("get", "", "nodes", null,
        null));
    assertThat(answer.warnings()).contains(
        "could not read RoleBinding: forbidden: cannot list rolebindings; the answer is incomplete");
  }

  @Test
  void accessListsClusterGrantsFirstAndFiltersByNamespace() {
    Inventory inventory = RbacFixtures.yaml(BINDINGS);
    AccessReview.Access all = AccessReview.access(inventory, Subject.user("ann"),
        Identity.user("ann", List.of("admins")), null);
    assertThat(all.rows()).extracting(AccessReview.Row::scope).startsWith("cluster", "cluster").endsWith("shop");
    assertThat(all.rows()).allSatisfy(r -> assertThat(r.via()).isEqualTo("Group admins"));
    AccessReview.Access web = AccessReview.access(inventory, Subject.user("ann"),
        Identity.user("ann", List.of("admins")), "web");
    assertThat(web.rows()).extracting(AccessReview.Row::scope).containsOnly("cluster");
    assertThat(web.privileged()).isFalse();
  }
}
