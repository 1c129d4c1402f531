package dev.kubepci.pss;

import static dev.kubepci.pss.PodYaml.baseline;
import static dev.kubepci.pss.PodYaml.checks;
import static dev.kubepci.pss.PodYaml.paths;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaselineChecksTest {

  private static final String PLAIN_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: plain
      spec:
        containers:
        - name: app
          image: nginx
      """;

  @Test
  void allowsAPlainPod() {
    PssVerdict verdict = baseline("latest", PLAIN_POD);

    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.violations()).isEmpty();
  }

  @Test
  void deniesPrivilegedContainer() {
    PssVerdict verdict =
        baseline(
            "v1.0",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
                securityContext:
                  privileged: true
            """);

    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "privileged",
                "privileged (container \"app\" must not set securityContext.privileged=true)",
                "spec.containers[0].securityContext.privileged"));
  }

  @Test
  void deniesPrivilegedInitContainer() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - name: setup
                image: busybox
                securityContext: {privileged: true}
              containers:
              - name: app
                image: nginx
                securityContext: {privileged: false}
            """);

    assertThat(paths(verdict)).containsExactly("spec.initContainers[0].securityContext.privileged");
  }

  @Test
  void deniesPrivilegedEphemeralContainer() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
              ephemeralContainers:
              - name: debugger
                image: busybox
                securityContext: {privileged: true}
            """);

    assertThat(verdict.violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path())
                  .isEqualTo("spec.ephemeralContainers[0].securityContext.privileged");
              assertThat(v.message()).contains("container \"debugger\"");
            });
  }

  @Test
  void deniesEachSharedHostNamespace() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: true
              hostPID: true
              hostIPC: true
              containers:
              - {name: app, image: nginx}
            """);

    assertThat(checks(verdict)).containsExactly("hostNamespaces");
    assertThat(paths(verdict)).containsExactly("spec.hostIPC", "spec.hostNetwork", "spec.hostPID");
    assertThat(verdict.violations().get(1).message()).isEqualTo("host namespaces (hostNetwork=true)");
  }

  @Test
  void allowsHostNamespacesExplicitlyOff() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: false
              hostPID: false
              hostIPC: false
              containers:
              - {name: app, image: nginx}
            """);

    assertThat(verdict.allowed()).isTrue();
  }

  @Test
  void deniesHostPathVolume() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: app, image: nginx}
              volumes:
              - name: scratch
                emptyDir: {}
              - name: host
                hostPath: {path: /var/run}
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "hostPathVolumes", "hostPath volumes (volume \"host\")", "spec.volumes[1].hostPath"));
  }

  @Test
  void deniesAnyHostPortButAllowsContainerPorts() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
                ports:
                - containerPort: 80
                - containerPort: 443
                  hostPort: 8443
                - containerPort: 9090
                  hostPort: 0
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "hostPorts",
                "hostPort (container \"app\" uses hostPort 8443)",
                "spec.containers[0].ports[1].hostPort"));
  }

  @Test
  void deniesAddingCapabilityOutsideTheDefaultSet() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
                securityContext:
                  capabilities:
                    add: [CHOWN, NET_RAW]
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "capabilities_baseline",
                "non-default capabilities (container \"app\" must not include \"NET_RAW\" in"
                    + " securityContext.capabilities.add)",
                "spec.containers[0].securityContext.capabilities.add[1]"));
  }

  @Test
  void allowsAddingDefaultCapabilities() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
                securityContext:
                  capabilities:
                    add: [NET_BIND_SERVICE, SYS_CHROOT, KILL]
                    drop: [NET_RAW]
            """);

    assertThat(verdict.allowed()).isTrue();
  }

  @Test
  void deniesUnconfinedAppArmorAnnotation() {
    PssVerdict verdict =
        baseline(
            "v1.0",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: unconfined
            spec:
              containers:
              - {name: app, image: nginx}
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "appArmorProfile",
                "forbidden AppArmor profile"
                    + " (container.apparmor.security.beta.kubernetes.io/app=\"unconfined\")",
                "metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]"));
  }

  @Test
  void deniesUnconfinedAppArmorFieldsAtPodAndContainerLevel() {
    PssVerdict verdict =
        baseline(
            "v1.30",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                appArmorProfile: {type: Unconfined}
              containers:
              - name: app
                image: nginx
                securityContext:
                  appArmorProfile: {type: Unconfined}
            """);

    assertThat(paths(verdict))
        .containsExactly(
            "spec.containers[0].securityContext.appArmorProfile.type",
            "spec.securityContext.appArmorProfile.type");
  }

  @Test
  void allowsRuntimeDefaultAndLocalhostAppArmorProfiles() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: localhost/custom
                container.apparmor.security.beta.kubernetes.io/sidecar: runtime/default
            spec:
              securityContext:
                appArmorProfile: {type: RuntimeDefault}
              containers:
              - name: app
                image: nginx
                securityContext:
                  appArmorProfile: {type: Localhost, localhostProfile: custom}
            """);

    assertThat(verdict.allowed()).isTrue();
  }

  @Test
  void deniesSeLinuxTypeUserAndRoleEachAtItsOwnPath() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                seLinuxOptions: {type: spc_t}
              containers:
              - name: app
                image: nginx
                securityContext:
                  seLinuxOptions: {user: system_u, role: system_r, level: "s0:c1,c2"}
            """);

    assertThat(checks(verdict)).containsExactly("seLinuxOptions");
    assertThat(paths(verdict))
        .containsExactly(
            "spec.containers[0].securityContext.seLinuxOptions.role",
            "spec.containers[0].securityContext.seLinuxOptions.user",
            "spec.securityContext.seLinuxOptions.type");
    assertThat(verdict.violations().get(2).message())
        .isEqualTo(
            "seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type \"spc_t\")");
  }

  @Test
  void allowsContainerEngineSeLinuxTypeOnlyFromV1Dot31() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: nginx
            securityContext:
              seLinuxOptions: {type: container_engine_t}
        """;

    assertThat(baseline("v1.30", pod).allowed()).isFalse();
    assertThat(baseline("v1.31", pod).allowed()).isTrue();
  }

  @Test
  void deniesUnmaskedProcMount() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: nginx
                securityContext: {procMount: Unmasked}
              - name: other
                image: nginx
                securityContext: {procMount: Default}
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "procMount",
                "procMount (container \"app\" must not set securityContext.procMount to"
                    + " \"Unmasked\")",
                "spec.containers[0].securityContext.procMount"));
  }

  @Test
  void allowsUnmaskedProcMountInUserNamespaceOnlyFromV1Dot35() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostUsers: false
          containers:
          - name: app
            image: nginx
            securityContext: {procMount: Unmasked}
        """;

    assertThat(baseline("v1.34", pod).allowed()).isFalse();
    assertThat(baseline("v1.35", pod).allowed()).isTrue();
  }

  @Test
  void checksSeccompAnnotationsBeforeV1Dot19AndFieldsFromV1Dot19() {
    String annotated =
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: unconfined
        spec:
          containers:
          - {name: app, image: nginx}
        """;
    String field =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: nginx
            securityContext:
              seccompProfile: {type: Unconfined}
        """;

    PssVerdict oldAnnotation = baseline("v1.18", annotated);
    assertThat(oldAnnotation.violations())
        .containsExactly(
            new PssViolation(
                "seccompProfile_baseline",
                "seccompProfile (forbidden annotation"
                    + " seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")",
                "metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]"));
    assertThat(baseline("v1.19", annotated).allowed()).isTrue();
    assertThat(baseline("v1.18", field).allowed()).isTrue();
    assertThat(paths(baseline("v1.19", field)))
        .containsExactly("spec.containers[0].securityContext.seccompProfile.type");
  }

  @Test
  void deniesUnconfinedSeccompAnnotationOfANamedContainer() {
    PssVerdict verdict =
        baseline(
            "v1.10",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                container.seccomp.security.alpha.kubernetes.io/app: unconfined
                container.seccomp.security.alpha.kubernetes.io/gone: unconfined
                container.seccomp.security.alpha.kubernetes.io/init: docker/default
            spec:
              initContainers:
              - {name: init, image: busybox}
              containers:
              - {name: app, image: nginx}
            """);

    // Only annotations naming a container of the pod are looked at, as upstream does.
    assertThat(paths(verdict))
        .containsExactly("metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]");
  }

  @Test
  void deniesUnsafeSysctl() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                sysctls:
                - {name: net.ipv4.tcp_syncookies, value: "1"}
                - {name: kernel.msgmax, value: "65536"}
              containers:
              - {name: app, image: nginx}
            """);

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "sysctls",
                "forbidden sysctls (kernel.msgmax)",
                "spec.securityContext.sysctls[1].name"));
  }

  @Test
  void growsTheSafeSysctlListWithThePolicyVersion() {
    assertThat(baseline("v1.26", sysctl("net.ipv4.ip_local_reserved_ports")).allowed()).isFalse();
    assertThat(baseline("v1.27", sysctl("net.ipv4.ip_local_reserved_ports")).allowed()).isTrue();
    assertThat(baseline("v1.28", sysctl("net.ipv4.tcp_keepalive_time")).allowed()).isFalse();
    assertThat(baseline("v1.29", sysctl("net.ipv4.tcp_keepalive_time")).allowed()).isTrue();
    assertThat(baseline("v1.31", sysctl("net.ipv4.tcp_rmem")).allowed()).isFalse();
    assertThat(baseline("v1.32", sysctl("net.ipv4.tcp_rmem")).allowed()).isTrue();
    assertThat(baseline("v1.36", sysctl("net.ipv4.tcp_notsent_lowat")).allowed()).isFalse();
    assertThat(baseline("v1.37", sysctl("net.ipv4.tcp_notsent_lowat")).allowed()).isTrue();
    assertThat(baseline("latest", sysctl("net.ipv4.tcp_slow_start_after_idle")).allowed()).isTrue();
  }

  private static String sysctl(String name) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            sysctls:
            - {name: %s, value: "1"}
          containers:
          - {name: app, image: nginx}
        """
        .formatted(name);
  }

  @Test
  void deniesWindowsHostProcessAtPodAndContainerLevel() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              os: {name: windows}
              securityContext:
                windowsOptions: {hostProcess: true}
              containers:
              - name: app
                image: mcr.microsoft.com/windows/nanoserver
                securityContext:
                  windowsOptions: {hostProcess: true}
            """);

    assertThat(checks(verdict)).containsExactly("windowsHostProcess");
    assertThat(paths(verdict))
        .containsExactly(
            "spec.containers[0].securityContext.windowsOptions.hostProcess",
            "spec.securityContext.windowsOptions.hostProcess");
  }

  @Test
  void deniesProbeAndLifecycleHostsOnlyFromV1Dot34() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            image: nginx
            livenessProbe:
              httpGet: {host: 10.0.0.1, port: 80, path: /healthz}
            readinessProbe:
              tcpSocket: {port: 80}
            lifecycle:
              preStop:
                tcpSocket: {host: metadata.internal, port: 80}
        """;

    assertThat(baseline("v1.33", pod).allowed()).isTrue();
    PssVerdict verdict = baseline("v1.34", pod);
    assertThat(checks(verdict)).containsExactly("hostProbesAndHostLifecycle");
    assertThat(paths(verdict))
        .containsExactly(
            "spec.containers[0].lifecycle.preStop.tcpSocket.host",
            "spec.containers[0].livenessProbe.httpGet.host");
    assertThat(verdict.violations().get(1).message())
        .isEqualTo(
            "probe or lifecycle host (container \"app\" uses probe or lifecycle host"
                + " \"10.0.0.1\")");
  }

  @Test
  void treatsNullListEntriesAsEmptyNames() {
    PssVerdict verdict =
        baseline(
            "latest",
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              securityContext:
                sysctls:
                - {value: "1"}
              containers:
              - name: app
                image: nginx
                securityContext:
                  capabilities:
                    add: [~]
            """);

    assertThat(paths(verdict))
        .containsExactly(
            "spec.containers[0].securityContext.capabilities.add[0]",
            "spec.securityContext.sysctls[0].name");
  }
}
