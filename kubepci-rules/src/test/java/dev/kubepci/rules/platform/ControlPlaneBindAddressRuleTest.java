package dev.kubepci.rules.platform;

import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ControlPlaneBindAddressRuleTest {
  private final RuleTester tester = RuleTester.of(new ControlPlaneBindAddressRule());

  @Test
  void flagsSchedulerOnAllInterfacesAndControllerManagerWithTheDefault() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-scheduler, namespace: kube-system}
        spec:
          containers:
            - name: kube-scheduler
              image: registry.k8s.io/kube-scheduler:v1.31.4
              command:
                - kube-scheduler
                - --bind-address=0.0.0.0      # expect-violation: kube-scheduler listens on every interface (--bind-address is 0.0.0.0)
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-controller-manager, namespace: kube-system}
        spec:
          containers:
            - name: kube-controller-manager
              image: registry.k8s.io/kube-controller-manager:v1.31.4
              command:                        # expect-violation: defaults to 0.0.0.0
                - kube-controller-manager
                - --use-service-account-credentials=true
        """).assertMarkedViolations();
  }

  @Test
  void passesOnLoopback() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata: {name: kube-scheduler, namespace: kube-system}
        spec:
          containers:
            - name: kube-scheduler
              image: registry.k8s.io/kube-scheduler:v1.31.4
              command: [kube-scheduler, --bind-address=127.0.0.1]
        """).assertNoViolations();
  }

  @Test
  void isNotAssessedWithoutTheComponents() {
    tester.given("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: kube-system}
        """).assertStatus(Status.NOT_ASSESSED);
  }
}
