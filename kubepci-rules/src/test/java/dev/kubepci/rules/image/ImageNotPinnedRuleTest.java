package dev.kubepci.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ImageNotPinnedRuleTest {
  private final RuleTester tester = RuleTester.of(new ImageNotPinnedRule());

  @Test
  void flagsLatestMissingTagAndTagOnlyImages() {
    var given = tester.given("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  image: busybox                     # expect-violation: init container "init" image has no tag or digest
              containers:
                - name: web
                  image: registry.example.com/web:latest  # expect-violation: mutable tag latest
                - name: proxy
                  image: envoyproxy/envoy:v1.30.1     # expect-violation: pinned by tag only
                - name: pinned
                  image: registry.example.com/api:1.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        """).assertMarkedViolations();
    assertThat(given.findings()).filteredOn(f -> f.observed().startsWith("envoyproxy"))
        .extracting(f -> f.severity()).containsExactly(Severity.MEDIUM);
  }

  @Test
  void registryPortIsNotATag() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: local
          namespace: shop
        spec:
          containers:
            - name: app
              image: localhost:5000/app             # expect-violation: has no tag or digest
        """).assertMarkedViolations();
  }

  @Test
  void passesWhenEveryImageHasADigest() {
    tester.given("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: job
          namespace: shop
        spec:
          template:
            spec:
              containers:
                - name: job
                  image: registry.example.com/job@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        """).assertNoViolations();
  }

  @Test
  void flagsMissingImageField() {
    tester.given("""
        apiVersion: v1
        kind: PodTemplate
        metadata:
          name: tpl
          namespace: shop
        template:
          spec:
            containers:
              - name: app                            # expect-violation: names no image
        """).assertMarkedViolations();
  }

  @Test
  void isNotApplicableToConfigMaps() {
    tester.given("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
          namespace: shop
        data:
          image: nginx:latest
        """).assertStatus(Status.NOT_APPLICABLE);
  }

  @Test
  void parsesImageReferences() {
    assertThat(ImageReference.parse("nginx")).isEqualTo(
        new ImageReference("nginx", "docker.io", "library/nginx", null, null));
    assertThat(ImageReference.parse("localhost:5000/a/b:1@sha256:x").registry()).isEqualTo("localhost:5000");
    assertThat(ImageReference.parse("quay.io/calico/node:v3.27").tag()).isEqualTo("v3.27");
    assertThat(ImageReference.parse("bitnami/redis:7").registry()).isEqualTo("docker.io");
  }
}
