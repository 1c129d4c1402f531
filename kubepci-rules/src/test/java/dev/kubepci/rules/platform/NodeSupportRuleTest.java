package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

/** The test clock is 2026-01-15. */
class NodeSupportRuleTest {
  private final RuleTester tester = RuleTester.of(new NodeSupportRule(TestWindows.TABLE));

  @Test
  void flagsEndOfLifeOsAndRuntime() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1, creationTimestamp: "2025-01-15T10:00:00Z"}
        status:
          nodeInfo:
            osImage: Ubuntu 20.04.6 LTS                 # expect-violation: past its end of support on 2025-05-29
            kernelVersion: 5.4.0-200-generic
            containerRuntimeVersion: containerd://1.6.36  # expect-violation: runs containerd 1.6, past its end of life
        """).assertMarkedViolations();
  }

  @Test
  void passesSupportedNodesAndTabulatesAge() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1, creationTimestamp: "2025-12-16T10:00:00Z"}
        status:
          conditions: [{type: Ready, status: "True", lastTransitionTime: "2026-01-02T08:00:00Z"}]
          nodeInfo:
            osImage: Ubuntu 24.04.1 LTS
            kernelVersion: 6.8.0-51-generic
            containerRuntimeVersion: containerd://2.1.4
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows().get(0)).containsExactly("n1", "Ubuntu 24.04.1 LTS",
        "until 2029-04-01", "6.8.0-51-generic", "containerd://2.1.4", "until 2026-05-05", "30",
        "2026-01-02T08:00:00Z");
  }

  @Test
  void unknownOperatingSystemsAreListedNotFailed() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {nodeInfo: {osImage: Bottlerocket OS 1.26.1, containerRuntimeVersion: containerd://1.7.22}}
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutNodeInfo() {
    var result = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        """).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).isEqualTo("the Node objects carry no status.nodeInfo; collect them from the cluster");
    assertThat(result.tables()).singleElement().satisfies(t -> {
      assertThat(t.title()).isEqualTo("Node operating systems and runtimes");
      assertThat(t.rows()).singleElement().satisfies(row -> assertThat(row).startsWith("n1", "unknown"));
    });
  }

  @Test
  void aNodeWithoutInfoIsListedBesideOnesWithIt() {
    var result = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: n2}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {nodeInfo: {osImage: Bottlerocket OS 1.26.1, containerRuntimeVersion: containerd://1.7.22}}
        """).assertStatus(Status.PASS).result();
    assertThat(result.passed()).isEqualTo(1);
    assertThat(result.tables()).singleElement().satisfies(t -> {
      assertThat(t.title()).startsWith("Node operating systems and runtimes (table as of ");
      assertThat(t.rows()).extracting(row -> row.get(0)).containsExactly("n1", "n2");
    });
  }

  @Test
  void isNotAssessedWithoutNodes() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: x}
        """).assertStatus(Status.NOT_ASSESSED);
  }

  /** A Node of another API group (Rancher's) counts as a Node, as it did before the rule declared its kinds. */
  @Test
  void aNodeOfAnotherApiGroupIsListedNotMissing() {
    var result = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec: {containers: [{name: web, image: nginx:1.27}]}
        ---
        apiVersion: management.cattle.io/v3
        kind: Node
        metadata: {name: machine-1, namespace: c-abcde}
        spec: {requestedHostname: worker-1}
        """).assertStatus(Status.NOT_ASSESSED).result();
    assertThat(result.reason()).isEqualTo("the Node objects carry no status.nodeInfo; collect them from the cluster");
  }
}
