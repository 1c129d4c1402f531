package dev.kubepci.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class KubeletAuthorizationRuleTest {
  private final RuleTester tester = RuleTester.of(new KubeletAuthorizationRule());

  @Test
  void flagsAlwaysAllow() {
    tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker}
        authorization:
          mode: AlwaysAllow    # expect-violation: the kubelet authorizes requests with mode AlwaysAllow
        """).assertMarkedViolations();
  }

  @Test
  void passesWebhookAndTheDefaultAndNotesOnceThatTheFlagIsNotInTheInput() {
    var given = tester.given("""
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker-a}
        authorization: {mode: Webhook}
        ---
        apiVersion: kubelet.config.k8s.io/v1beta1
        kind: KubeletConfiguration
        metadata: {name: worker-b}
        readOnlyPort: 0
        """).assertNoViolations();
    assertThat(given.result().notes()).containsExactly("the kubelet flag --authorization-mode overrides the "
        + "configuration file and is not in the input; confirm it on each node");
  }

  @Test
  void isNotAssessedOnManagedNodesWithoutConfiguration() {
    tester.given("""
        apiVersion: v1
        kind: Node
        metadata:
          name: gke-pool-1
          labels: {cloud.google.com/gke-nodepool: pool-1}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
