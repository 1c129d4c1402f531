package dev.kubepci.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemGrantsTest {
  private static final String CRB = Binding.CLUSTER_ROLE_BINDING;
  private static final String RB = Binding.ROLE_BINDING;

  @Test
  void bootstrapPolicyBindingsToSystemIdentitiesAreExpected() {
    assertThat(SystemGrants.isExpected(CRB, null, "system:kube-controller-manager",
        RoleId.clusterRole("system:kube-controller-manager"), Subject.user("system:kube-controller-manager"))).isTrue();
    assertThat(SystemGrants.isExpected(CRB, null, "system:coredns", RoleId.clusterRole("system:coredns"),
        Subject.serviceAccount("kube-system", "coredns"))).isTrue();
    assertThat(SystemGrants.isExpected(CRB, null, "cluster-admin", RoleId.clusterRole("cluster-admin"),
        Subject.group("system:masters"))).isTrue();
  }

  @Test
  void usersAndWorkloadsInSystemBindingsAreNotExpected() {
    assertThat(SystemGrants.isExpected(CRB, null, "system:kube-controller-manager",
        RoleId.clusterRole("system:kube-controller-manager"), Subject.user("bob"))).isFalse();
    assertThat(SystemGrants.isExpected(CRB, null, "system:node", RoleId.clusterRole("system:node"),
        Subject.serviceAccount("shop", "api"))).isFalse();
    assertThat(SystemGrants.isExpected(CRB, null, "system:custom", RoleId.clusterRole("cluster-admin"),
        Subject.user("system:kube-scheduler"))).as("role not from the bootstrap policy").isFalse();
  }

  @Test
  void broadGroupsAreExpectedOnlyInTheDiscoveryBindings() {
    assertThat(SystemGrants.isExpected(CRB, null, "system:public-info-viewer",
        RoleId.clusterRole("system:public-info-viewer"), Subject.group("system:unauthenticated"))).isTrue();
    assertThat(SystemGrants.isExpected(CRB, null, "system:discovery", RoleId.clusterRole("system:discovery"),
        Subject.group("system:unauthenticated"))).isFalse();
    assertThat(SystemGrants.isExpected(CRB, null, "system:node", RoleId.clusterRole("system:node"),
        Subject.group("system:authenticated"))).isFalse();
    assertThat(SystemGrants.isExpected(CRB, null, "system:masters-extra", RoleId.clusterRole("system:node"),
        Subject.group("system:masters"))).isFalse();
  }

  @Test
  void kubeadmDefaultsAreExpectedWithTheirOwnSubjectsOnly() {
    assertThat(SystemGrants.isExpected(CRB, null, "kubeadm:cluster-admins", RoleId.clusterRole("cluster-admin"),
        Subject.group("kubeadm:cluster-admins"))).isTrue();
    assertThat(SystemGrants.isExpected(CRB, null, "kubeadm:cluster-admins", RoleId.clusterRole("cluster-admin"),
        Subject.user("alice"))).isFalse();
    assertThat(SystemGrants.isExpected(RB, "kube-system", "kubeadm:kubelet-config-1.23",
        RoleId.role("kube-system", "kubeadm:kubelet-config-1.23"), Subject.group("system:nodes"))).isTrue();
    assertThat(SystemGrants.isExpected(RB, "kube-public", "kubeadm:bootstrap-signer-clusterinfo",
        RoleId.role("kube-public", "kubeadm:bootstrap-signer-clusterinfo"), Subject.user("system:anonymous"))).isTrue();
    assertThat(SystemGrants.isExpected(RB, "default", "kubeadm:bootstrap-signer-clusterinfo",
        RoleId.role("default", "kubeadm:bootstrap-signer-clusterinfo"), Subject.user("system:anonymous"))).isFalse();
  }

  @Test
  void managedProviderBindingsToProviderIdentitiesAreExpected() {
    assertThat(SystemGrants.isExpected(CRB, null, "eks:addon-cluster-admin", RoleId.clusterRole("cluster-admin"),
        Subject.user("eks:addon-manager"))).isTrue();
    assertThat(SystemGrants.isExpected(CRB, null, "eks:addon-cluster-admin", RoleId.clusterRole("cluster-admin"),
        Subject.user("intruder"))).isFalse();
  }
}
