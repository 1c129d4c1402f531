package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

/** The test clock is 2026-01-15. */
class KubeletVersionRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletVersionRule(TestWindows.TABLE));

  private static final String API_134 = """
      apiVersion: v1
      kind: Pod
      metadata: {name: kube-apiserver, namespace: kube-system}
      spec:
        containers: [{name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.34.9", command: [kube-apiserver]}]
      ---
      """;

  @Test
  void flagsKubeletNewerThanTheApiServer() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers: [{name: kube-apiserver, image: "registry.k8s.io/kube-apiserver:v1.33.2", command: [kube-apiserver]}]
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status:
          nodeInfo:
            kubeletVersion: v1.34.9     # expect-violation: is newer than the API server
        """).assertMarkedViolations();
  }

  @Test
  void flagsKubeletPastEndOfLifeAndBeyondTheSkew() {
    tester.given(API_134 + """
        apiVersion: v1
        kind: Node
        metadata: {name: old}
        status:
          nodeInfo:
            kubeletVersion: v1.29.3     # expect-violation: past its end of life on 2025-02-28
        """).assertMarkedViolations();
  }

  @Test
  void passesKubeletsWithinSkewAndSupport() {
    tester.given(API_134 + """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {nodeInfo: {kubeletVersion: v1.34.9}}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n2}
        status: {nodeInfo: {kubeletVersion: v1.33.10}}
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutNodes() {
    tester.given(API_134).assertStatus(Status.NOT_ASSESSED);
  }

  /** A Node of another API group (Rancher's) counts as a Node, as it did before the rule declared its kinds. */
  @Test
  void aNodeOfAnotherApiGroupIsCheckedNotMissing() {
    var result = tester.given(API_134 + """
        apiVersion: management.cattle.io/v3
        kind: Node
        metadata: {name: machine-1, namespace: c-abcde}
        spec: {requestedHostname: worker-1}
        """).assertStatus(Status.NOT_APPLICABLE).result();
    org.assertj.core.api.Assertions.assertThat(result.reason()).isEqualTo("no Node reports its kubelet version");
  }
}
