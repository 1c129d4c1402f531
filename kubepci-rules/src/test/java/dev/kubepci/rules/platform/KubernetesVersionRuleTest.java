package dev.kubepci.rules.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test clock is 2026-01-15. */
class KubernetesVersionRuleTest {
  private final RuleTester tester = RuleTester.of(new KubernetesVersionRule(TestWindows.TABLE));

  private static String apiServer(String tag) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:%s   # expect-violation: %s
              command: [kube-apiserver]
        """;
  }

  @Test
  void flagsReleasePastItsEndOfLife() {
    tester.given(apiServer("v1.31.4").formatted("v1.31.4", "reached the end of its support on 2025-11-11"))
        .assertMarkedViolations().assertObserved("v1.31.4");
  }

  @Test
  void flagsSupportedReleaseBehindOnPatches() {
    var given = tester.given(apiServer("v1.34.2").formatted("v1.34.2", "at least 7 patch release(s) behind 1.34.9"))
        .assertMarkedViolations();
    assertThat(given.findings().get(0).severity().name()).isEqualTo("MEDIUM");
  }

  @Test
  void passesCurrentRelease() {
    var given = tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-apiserver, namespace: kube-system}
        spec:
          containers:
            - name: kube-apiserver
              image: registry.k8s.io/kube-apiserver:v1.34.9
              command: [kube-apiserver]
        """).assertNoViolations();
    assertThat(given.result().tables().get(0).rows()).containsExactly(List.of("control plane", "v1.34.9",
        "kube-apiserver image", "upstream end of life 2026-10-27", "supported"));
  }

  @Test
  void countsEksExtendedSupportFromTheNewestKubelet() {
    var given = tester.given("""
        apiVersion: v1
        kind: Node
        metadata: {name: ip-10-0-0-1, labels: {eks.amazonaws.com/nodegroup: ng}}
        status: {nodeInfo: {kubeletVersion: v1.31.7-eks-1a2b3c4}}
        """).assertNoViolations();
    assertThat(given.result().notes()).anyMatch(n -> n.contains("extended support (paid) until 2026-11-26"));
  }

  @Test
  void isNotAssessedForAReleaseNewerThanTheTable() {
    tester.given(apiServer("v1.36.0").replace("   # expect-violation: %s", "").formatted("v1.36.0"))
        .assertStatus(Status.NOT_ASSESSED);
  }

  @Test
  void isNotAssessedWithoutAnyVersion() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
