package dev.kubepci.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxedRuntimeRuleTest {
  private static final KubepciConfig HIGH_RISK = new KubepciConfig(null, null,
      new KubepciConfig.Selection(List.of("payments"), List.of("pci.example.com/risk=high")));
  private final RuleTester tester = RuleTester.of(new SandboxedRuntimeRule()).withConfig(HIGH_RISK);

  @Test
  void flagsHighRiskDeploymentInTheDefaultRuntime() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: payments
        spec:
          template:
            spec:                      # expect-violation: high-risk workload (namespace payments is listed under highRisk) runs in the default runtime
              containers:
                - name: api
                  image: api:1
        """).assertMarkedViolations();
  }

  @Test
  void flagsRuntimeClassWhoseHandlerIsNotASandbox() {
    tester.given("""
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata:
          name: fast
        handler: runc
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: scorer
          namespace: analytics
          labels:
            pci.example.com/risk: high
        spec:
          runtimeClassName: fast       # expect-violation: uses RuntimeClass fast with handler runc, which is not a sandboxed runtime
          initContainers:
            - name: fetch
              image: fetch:1
          containers:
            - name: scorer
              image: scorer:1
        """).assertMarkedViolations().assertObserved("fast");
  }

  @Test
  void flagsRuntimeClassThatIsNotInTheInput() {
    tester.given("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
          namespace: payments
        spec:
          template:
            spec:
              runtimeClassName: gvisor   # expect-violation: names RuntimeClass gvisor, which is not in the input
              containers:
                - name: db
                  image: db:1
        """).assertMarkedViolations();
  }

  @Test
  void passesGvisorAndKataHandlersAndIgnoresOtherWorkloads() {
    tester.given("""
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata:
          name: gvisor
        handler: runsc
        ---
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata:
          name: kata
        handler: kata-qemu
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: tokenizer
          namespace: payments
        spec:
          template:
            spec:
              runtimeClassName: gvisor
              containers:
                - name: t
                  image: t:1
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: settle
          namespace: payments
        spec:
          template:
            spec:
              runtimeClassName: kata
              containers:
                - name: s
                  image: s:1
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: shop
          namespace: web
        spec:
          template:
            spec:
              containers:
                - name: shop
                  image: shop:1
        """).assertNoViolations();
  }

  @Test
  void asksForTheHighRiskListWhenItIsNotConfigured() {
    var result = RuleTester.of(new SandboxedRuntimeRule()).given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: payments
        spec:
          containers:
            - name: p
              image: p:1
        """).assertStatus(Status.MANUAL).result();
    assertThat(result.reason()).contains("which workloads has the organisation classed as high-risk");
  }

  @Test
  void isNotApplicableToObjectsWithoutPods() {
    tester.given("""
        apiVersion: node.k8s.io/v1
        kind: RuntimeClass
        metadata:
          name: gvisor
        handler: runsc
        """).assertStatus(Status.NOT_APPLICABLE);
  }
}
