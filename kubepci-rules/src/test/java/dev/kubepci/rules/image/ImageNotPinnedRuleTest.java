package dev.kubepci.rules.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.model.ImageReference;
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
  void flagsDigestsThatDoNotFollowTheDigestGrammar() {
    tester.given("""
        apiVersion: v1
        kind: Pod
        metadata:
          name: odd
          namespace: shop
        spec:
          containers:
            - name: short
              image: registry.example.com/a@sha256:0123abcd  # expect-violation: sha256 digest has 8 hex characters, not 64
            - name: upper
              image: registry.example.com/b@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef  # expect-violation: upper-case hex
            - name: unknown
              image: registry.example.com/c@md5:0123456789abcdef0123456789abcdef  # expect-violation: digest algorithm md5 is not sha256 or sha512
            - name: noalgo
              image: registry.example.com/d@0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  # expect-violation: has no algorithm
            - name: nothex
              image: registry.example.com/e@sha256:zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  # expect-violation: not hexadecimal
            - name: long
              image: registry.example.com/f:1@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        """).assertMarkedViolations();
  }

  @Test
  void digestGrammarAcceptsOnlySha256AndSha512() {
    String hex64 = "0123456789abcdef".repeat(4);
    assertThat(ImageReference.parse("a@sha256:" + hex64).pinned()).isTrue();
    assertThat(ImageReference.parse("a@sha512:" + hex64 + hex64).pinned()).isTrue();
    assertThat(ImageReference.parse("a@sha512:" + hex64).digestProblem())
        .hasValue("sha512 digest has 64 hex characters, not 128");
    assertThat(ImageReference.parse("a@sha256:" + hex64 + "0").pinned()).isFalse();
    assertThat(ImageReference.parse("a@blake3:" + hex64).digestProblem())
        .hasValue("digest algorithm blake3 is not sha256 or sha512");
    assertThat(ImageReference.parse("a@:" + hex64).pinned()).isFalse();
    assertThat(ImageReference.parse("a:1").pinned()).isFalse();
    assertThat(ImageReference.parse("a:1").digestProblem()).isEmpty();
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
