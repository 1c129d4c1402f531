package dev.kubepci.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.result.Status;
import dev.kubepci.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntrustedRegistryRuleTest {
  private static final KubepciConfig TRUSTED = new KubepciConfig(null,
      List.of("registry.payments.example.com", "quay.io/calico", "*.dkr.ecr.eu-west-1.amazonaws.com"), null);
  private final RuleTester tester = RuleTester.of(new UntrustedRegistryRule()).withConfig(TRUSTED);

  @Test
  void flagsImagesFromRegistriesOutsideTheList() {
    tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: monitoring
          namespace: ops
        spec:
          template:
            spec:
              initContainers:
                - name: fetch
                  image: quay.io/prometheus/busybox:1.36   # expect-violation: init container "fetch" image comes from quay.io, which is not a trusted registry
              containers:
                - name: grafana
                  image: grafana/grafana:11.2.2            # expect-violation: comes from docker.io (Docker Hub, implied by the short name)
                - name: calico
                  image: quay.io/calico/node:v3.28.2
                - name: api
                  image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.0
        """).assertMarkedViolations().assertObserved("grafana/grafana:11.2.2");
  }

  @Test
  void flagsEphemeralContainerOfAPod() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: payments
        spec:
          containers:
            - name: app
              image: registry.payments.example.com/payments/api@sha256:0000000000000000000000000000000000000000000000000000000000000000
          ephemeralContainers:
            - name: debug
              image: docker.io/library/busybox:1.36        # expect-violation: ephemeral container "debug" image comes from docker.io, which
        """).assertMarkedViolations();
  }

  @Test
  void passesImagesFromTrustedRegistriesAndSkipsMissingImages() {
    tester.given("""
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: settle
          namespace: payments
        spec:
          schedule: "@hourly"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: settle
                      image: REGISTRY.payments.example.com/payments/settle:2.0
                    - name: sidecar
        """).assertNoViolations();
  }

  @Test
  void isManualWhenNoTrustedRegistriesAreConfigured() {
    var result = RuleTester.of(new UntrustedRegistryRule()).given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: web
        spec:
          containers:
            - name: p
              image: nginx
        """).assertStatus(Status.MANUAL).result();
    assertThat(result.reason()).contains("which registries are trusted sources");
  }

  @Test
  void anEmptyListTrustsNothing() {
    RuleTester.of(new UntrustedRegistryRule()).withConfig(new KubepciConfig(null, List.of(), null)).given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: web
        spec:
          containers:
            - name: p
              image: registry.k8s.io/pause:3.10    # expect-violation: comes from registry.k8s.io
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableToObjectsWithoutPods() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: web
        data:
          image: nginx
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  /** The rule holds nothing between runs: each run judges by its own configuration's list. */
  @Test
  void oneRuleFollowsEachRunsConfiguration() {
    UntrustedRegistryRule rule = new UntrustedRegistryRule();
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec: {containers: [{name: web, image: "quay.io/calico/node:v3.28.2"}]}
        """;
    RuleTester.of(rule).withConfig(TRUSTED).given(pod).assertNoViolations();
    RuleTester.of(rule).withConfig(new KubepciConfig(null, List.of("registry.k8s.io"), null)).given(pod)
        .assertStatus(Status.FAIL);
    RuleTester.of(rule).withConfig(TRUSTED).given(pod).assertNoViolations();
  }
}
