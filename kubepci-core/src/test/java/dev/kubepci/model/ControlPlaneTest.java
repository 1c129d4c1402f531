package dev.kubepci.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneTest {
  private static Inventory inventory(String yaml) {
    return Inventory.of(List.of(new Resource(new KubernetesSerialization().unmarshal(yaml),
        Provenance.ofFile("kube-apiserver.yaml", 1, 1))));
  }

  @Test
  void readsApiServerFlagsFromAStaticPod() {
    ControlPlane cp = ControlPlane.of(inventory("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: kube-apiserver
          namespace: kube-system
          labels: {component: kube-apiserver, tier: control-plane}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.31.2
              command:
                - kube-apiserver
                - --anonymous-auth=false
                - --authorization-mode=Node,RBAC
                - --profiling
                - --audit-log-path
                - /var/log/audit.log
        """));
    assertThat(cp.isVisible()).isTrue();
    ControlPlane.Instance api = cp.instances(ControlPlane.Component.KUBE_APISERVER).get(0);
    assertThat(api.flag("anonymous-auth")).contains("false");
    assertThat(api.flag("authorization-mode")).contains("Node,RBAC");
    assertThat(api.flag("profiling")).contains("true");
    assertThat(api.flag("audit-log-path")).contains("/var/log/audit.log");
    assertThat(api.flag("token-auth-file")).isEmpty();
    assertThat(api.pathOf("authorization-mode")).hasToString("spec.containers[0].command[2]");
    assertThat(api.pathOf("token-auth-file")).hasToString("spec.containers[0].command");
    assertThat(cp.instances(ControlPlane.Component.ETCD)).isEmpty();
  }

  @Test
  void ordinaryPodsAreNoControlPlane() {
    assertThat(ControlPlane.of(inventory("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          containers: [{name: web, image: nginx, command: [nginx]}]
        """)).isVisible()).isFalse();
  }
}
