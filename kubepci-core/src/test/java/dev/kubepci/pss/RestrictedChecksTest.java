package dev.kubepci.pss;

import static dev.kubepci.pss.PodYaml.RESTRICTED_POD;
import static dev.kubepci.pss.PodYaml.baseline;
import static dev.kubepci.pss.PodYaml.checks;
import static dev.kubepci.pss.PodYaml.paths;
import static dev.kubepci.pss.PodYaml.restricted;
import static dev.kubepci.pss.PodYaml.restrictedPodWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestrictedChecksTest {

  private static final String BARE_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: bare}
      spec:
        containers:
        - {name: app, image: nginx}
      """;

  @Test
  void allowsACompliantPodAtEveryVersion() {
    for (int minor = 0; minor <= PssVersion.NEWEST_KNOWN.minor() + 2; minor++) {
      assertThat(restricted("v1." + minor, RESTRICTED_POD).violations())
          .as("v1.%d", minor)
          .isEmpty();
    }
    assertThat(restricted("latest", RESTRICTED_POD).allowed()).isTrue();
  }

  @Test
  void introducesRestrictedChecksAtTheirUpstreamVersions() {
    assertThat(checks(restricted("v1.7", BARE_POD))).containsExactly("runAsNonRoot");
    assertThat(checks(restricted("v1.8", BARE_POD)))
        .containsExactly("allowPrivilegeEscalation", "runAsNonRoot");
    assertThat(checks(restricted("v1.19", BARE_POD)))
        .containsExactly("allowPrivilegeEscalation", "runAsNonRoot", "seccompProfile_restricted");
    assertThat(checks(restricted("v1.22", BARE_POD)))
        .containsExactly(
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "runAsNonRoot",
            "seccompProfile_restricted");
  }

  @Test
  void deniesUnsetAllowPrivilegeEscalation() {
    PssVerdict verdict = restricted("v1.8", BARE_POD);

    assertThat(verdict.violations())
        .contains(
            new PssViolation(
                "allowPrivilegeEscalation",
                "allowPrivilegeEscalation != false (container \"app\" must set"
                    + " securityContext.allowPrivilegeEscalation=false)",
                "spec.containers[0].securityContext.allowPrivilegeEscalation"));
  }

  @Test
  void deniesMissingDropAllAndForbiddenAddedCapabilities() {
    PssVerdict verdict =
        restricted(
            "v1.22",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
              - name: app
                image: nginx
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities:
                    add: [NET_BIND_SERVICE, CHOWN]
                    drop: [NET_RAW]
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "capabilities_restricted",
                "unrestricted capabilities (container \"app\" must not include \"CHOWN\" in"
                    + " securityContext.capabilities.add)",
                "spec.containers[0].securityContext.capabilities.add[1]"),
            new PssViolation(
                "capabilities_restricted",
                "unrestricted capabilities (container \"app\" must set"
                    + " securityContext.capabilities.drop=[\"ALL\"])",
                "spec.containers[0].securityContext.capabilities.drop"));
  }

  @Test
  void deniesRestrictedVolumeTypesButAllowsEphemeralOnes() {
    PssVerdict verdict =
        restricted(
            "latest",
            RESTRICTED_POD
                + """
                  volumes:
                  - name: implicit-empty-dir
                  - name: cache
                    emptyDir: {}
                  - name: tools
                    image: {reference: "registry.example/tools:1"}
                  - name: share
                    nfs: {server: nfs.example, path: /export}
                  - name: config
                    configMap: {name: cfg}
                """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "restrictedVolumes",
                "restricted volume types (volume \"share\" uses restricted volume type \"nfs\")",
                "spec.volumes[3].nfs"));
  }

  @Test
  void reportsHostPathUnderBothItsBaselineAndRestrictedChecks() {
    PssVerdict verdict =
        restricted(
            "latest",
            RESTRICTED_POD
                + """
                  volumes:
                  - name: host
                    hostPath: {path: /etc}
                """);

    assertThat(checks(verdict)).containsExactly("hostPathVolumes", "restrictedVolumes");
    assertThat(paths(verdict)).containsOnly("spec.volumes[0].hostPath");
  }

  @Test
  void deniesMissingRunAsNonRootOnEachContainer() {
    PssVerdict verdict =
        restricted(
            "v1.0",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - name: init
                image: busybox
              containers:
              - name: app
                image: nginx
                securityContext: {runAsNonRoot: true}
              - name: sidecar
                image: envoy
            """);

    assertThat(verdict.violations())
        .extracting(PssViolation::path)
        .containsExactly(
            "spec.containers[1].securityContext.runAsNonRoot",
            "spec.initContainers[0].securityContext.runAsNonRoot");
    assertThat(verdict.violations().get(0).message())
        .isEqualTo(
            "runAsNonRoot != true (pod or container \"sidecar\" must set"
                + " securityContext.runAsNonRoot=true)");
  }

  @Test
  void deniesContainerOverridingRunAsNonRootToFalse() {
    PssVerdict verdict =
        restricted(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile: {type: RuntimeDefault}
              containers:
              - name: app
                image: nginx
                securityContext:
                  runAsNonRoot: false
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "runAsNonRoot",
                "runAsNonRoot != true (container \"app\" must not set"
                    + " securityContext.runAsNonRoot=false)",
                "spec.containers[0].securityContext.runAsNonRoot"));
  }

  @Test
  void deniesRunAsRootUserFromV1Dot23() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            runAsNonRoot: true
            runAsUser: 0
            seccompProfile: {type: RuntimeDefault}
          containers:
          - name: app
            image: nginx
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
        """;

    assertThat(restricted("v1.22", pod).allowed()).isTrue();
    assertThat(restricted("v1.23", pod).violations())
        .containsExactly(
            new PssViolation(
                "runAsUser",
                "runAsUser=0 (pod must not set runAsUser=0)",
                "spec.securityContext.runAsUser"));
  }

  @Test
  void exemptsUserNamespacePodsFromRootChecksOnlyFromV1Dot35() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostUsers: false
          securityContext:
            runAsUser: 0
            seccompProfile: {type: RuntimeDefault}
          containers:
          - name: app
            image: nginx
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
        """;

    assertThat(checks(restricted("v1.34", pod))).containsExactly("runAsNonRoot", "runAsUser");
    assertThat(restricted("v1.35", pod).allowed()).isTrue();
  }

  @Test
  void keepsProcMountRestrictedForUserNamespacePods() {
    String pod = restrictedPodWith("hostUsers: false", "procMount: Unmasked");

    assertThat(baseline("v1.35", pod).allowed()).isTrue();
    PssVerdict verdict = restricted("v1.35", pod);
    assertThat(checks(verdict)).containsExactly("procMount_restricted");
    assertThat(paths(verdict)).containsExactly("spec.containers[0].securityContext.procMount");
  }

  @Test
  void reportsProcMountUnderBothChecksWhenBaselineAlsoDenies() {
    String pod = restrictedPodWith("", "procMount: Unmasked");

    assertThat(checks(restricted("v1.34", pod))).containsExactly("procMount");
    assertThat(checks(restricted("v1.35", pod)))
        .containsExactly("procMount", "procMount_restricted");
  }

  @Test
  void requiresSeccompProfileOnPodOrEveryContainerFromV1Dot19() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
          - name: app
            image: nginx
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
              seccompProfile: {type: Localhost, localhostProfile: app.json}
          - name: sidecar
            image: envoy
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
        """;

    assertThat(restricted("v1.18", pod).allowed()).isTrue();
    assertThat(restricted("v1.19", pod).violations())
        .containsExactly(
            new PssViolation(
                "seccompProfile_restricted",
                "seccompProfile (pod or container \"sidecar\" must set"
                    + " securityContext.seccompProfile.type to \"RuntimeDefault\" or"
                    + " \"Localhost\")",
                "spec.containers[1].securityContext.seccompProfile.type"));
  }

  @Test
  void exemptsWindowsPodsFromLinuxOnlyChecksFromV1Dot25() {
    String windows =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: win}
        spec:
          os: {name: windows}
          securityContext:
            runAsNonRoot: true
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
        """;

    assertThat(checks(restricted("v1.24", windows)))
        .containsExactly(
            "allowPrivilegeEscalation", "capabilities_restricted", "seccompProfile_restricted");
    assertThat(restricted("v1.25", windows).allowed()).isTrue();
  }

  @Test
  void stillRequiresRunAsNonRootOfWindowsPods() {
    String windows =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: win}
        spec:
          os: {name: windows}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
        """;

    assertThat(checks(restricted("latest", windows))).containsExactly("runAsNonRoot");
  }

  @Test
  void admitsWindowsPodWhoseCapabilitiesOnlyTheOverriddenBaselineCheckWouldReject() {
    // Upstream replaces capabilities_baseline with capabilities_restricted at the restricted
    // level, and the latter skips Windows pods (the API rejects their capabilities anyway).
    String windows =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: win}
        spec:
          os: {name: windows}
          securityContext:
            runAsNonRoot: true
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver
            securityContext:
              capabilities: {add: [SYS_ADMIN]}
        """;

    assertThat(baseline("latest", windows).allowed()).isFalse();
    assertThat(restricted("latest", windows).allowed()).isTrue();
  }

  @Test
  void includesEveryBaselineCheck() {
    PssVerdict verdict =
        restricted(
            "latest",
            restrictedPodWith("hostNetwork: true", "privileged: true"));

    assertThat(checks(verdict)).containsExactly("hostNamespaces", "privileged");
  }

  @Test
  void namesTheBaselineCheckAlongsideItsRestrictedReplacement() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            runAsNonRoot: true
            seccompProfile: {type: RuntimeDefault}
          containers:
          - name: app
            image: nginx
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL], add: [SYS_ADMIN]}
        """;

    assertThat(checks(restricted("latest", pod)))
        .containsExactly("capabilities_baseline", "capabilities_restricted");
  }
}
