package dev.kubepci.pss;

import static dev.kubepci.pss.PodYaml.RESTRICTED_POD;
import static dev.kubepci.pss.PodYaml.baseline;
import static dev.kubepci.pss.PodYaml.parse;
import static dev.kubepci.pss.PodYaml.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodSecurityStandardsTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        annotations:
          container.apparmor.security.beta.kubernetes.io/web: unconfined
      spec:
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
            annotations:
              container.apparmor.security.beta.kubernetes.io/web: unconfined
          spec:
            containers:
            - name: web
              image: nginx
              securityContext:
                privileged: true
      """;

  @Test
  void reportsPathsBelowADeploymentPodTemplate() {
    Deployment deployment = parse(DEPLOYMENT, Deployment.class);
    PodTemplateSpec template = deployment.getSpec().getTemplate();

    PssVerdict verdict =
        PodSecurityStandards.evaluate(
            PssLevel.BASELINE,
            PssVersion.LATEST,
            template.getMetadata(),
            "spec.template.metadata",
            template.getSpec(),
            "spec.template.spec");

    assertThat(verdict.violations())
        .containsExactly(
            new PssViolation(
                "appArmorProfile",
                "forbidden AppArmor profile"
                    + " (container.apparmor.security.beta.kubernetes.io/web=\"unconfined\")",
                "spec.template.metadata.annotations"
                    + "[container.apparmor.security.beta.kubernetes.io/web]"),
            new PssViolation(
                "privileged",
                "privileged (container \"web\" must not set securityContext.privileged=true)",
                "spec.template.spec.containers[0].securityContext.privileged"));
  }

  @Test
  void reportsPathsBelowACronJobPodTemplate() {
    CronJob cronJob =
        parse(
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: nightly}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      hostPID: true
                      containers:
                      - {name: job, image: busybox}
            """,
            CronJob.class);
    PodTemplateSpec template = cronJob.getSpec().getJobTemplate().getSpec().getTemplate();

    PssVerdict verdict =
        PodSecurityStandards.evaluate(
            PssLevel.BASELINE,
            PssVersion.LATEST,
            template.getMetadata(),
            "spec.jobTemplate.spec.template.metadata",
            template.getSpec(),
            "spec.jobTemplate.spec.template.spec");

    assertThat(paths(verdict)).containsExactly("spec.jobTemplate.spec.template.spec.hostPID");
  }

  @Test
  void ordersViolationsByCheckIdThenNumericPath() {
    StringBuilder pod =
        new StringBuilder(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: many}
            spec:
              hostNetwork: true
              containers:
            """);
    for (int i = 0; i < 12; i++) {
      pod.append("  - name: c").append(i).append("\n    image: nginx\n");
      pod.append("    securityContext: {privileged: true}\n");
    }

    PssVerdict verdict = baseline("latest", pod.toString());

    assertThat(verdict.violations().get(0).check()).isEqualTo("hostNamespaces");
    assertThat(paths(verdict).subList(1, 13))
        .containsExactly(
            "spec.containers[0].securityContext.privileged",
            "spec.containers[1].securityContext.privileged",
            "spec.containers[2].securityContext.privileged",
            "spec.containers[3].securityContext.privileged",
            "spec.containers[4].securityContext.privileged",
            "spec.containers[5].securityContext.privileged",
            "spec.containers[6].securityContext.privileged",
            "spec.containers[7].securityContext.privileged",
            "spec.containers[8].securityContext.privileged",
            "spec.containers[9].securityContext.privileged",
            "spec.containers[10].securityContext.privileged",
            "spec.containers[11].securityContext.privileged");
  }

  @Test
  void resolvesLatestToTheNewestCheckRevision() {
    assertThat(PssVersion.NEWEST_KNOWN.minor())
        .isEqualTo(PodSecurityStandards.newestRevisionMinor());
  }

  @Test
  void comparesPathIndexesAsNumbers() {
    assertThat(PodSecurityStandards.comparePaths("a[2].b", "a[10].b")).isNegative();
    assertThat(PodSecurityStandards.comparePaths("a[10]", "a[9]")).isPositive();
    assertThat(PodSecurityStandards.comparePaths("a.b", "a.b")).isZero();
    assertThat(PodSecurityStandards.comparePaths("a.b", "a.b.c")).isNegative();
  }

  @Test
  void allowsAnythingAtPrivileged() {
    PssVerdict verdict = PodYaml.evaluate(PssLevel.PRIVILEGED, "latest", DEPLOYMENT_AS_POD);

    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.level()).isEqualTo(PssLevel.PRIVILEGED);
  }

  private static final String DEPLOYMENT_AS_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        hostNetwork: true
        containers:
        - name: app
          image: nginx
          securityContext: {privileged: true}
      """;

  @Test
  void evaluatesVersionsNewerThanKnownAsLatestButReportsThemAsGiven() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            sysctls:
            - {name: net.ipv4.tcp_notsent_lowat, value: "1"}
          containers:
          - name: app
            image: nginx
            livenessProbe:
              httpGet: {host: example.com, port: 80}
        """;

    PssVerdict future = baseline("v1.99", pod);
    PssVerdict latest = baseline("latest", pod);

    assertThat(future.violations()).isEqualTo(latest.violations());
    assertThat(future.violations()).extracting(PssViolation::check)
        .containsExactly("hostProbesAndHostLifecycle");
    assertThat(future.version()).hasToString("v1.99");
    assertThat(latest.version()).hasToString("latest");
  }

  @Test
  void toleratesMissingMetadataAndSpec() {
    PssVerdict verdict =
        PodSecurityStandards.evaluate(
            PssLevel.RESTRICTED, PssVersion.LATEST, null, "metadata", null, "spec");

    assertThat(verdict.allowed()).isTrue();
  }

  @Test
  void buildsPathsWithoutAPrefixWhenTheSpecIsTheRoot() {
    PodSpec spec = parse(DEPLOYMENT_AS_POD, io.fabric8.kubernetes.api.model.Pod.class).getSpec();

    PssVerdict verdict =
        PodSecurityStandards.evaluate(PssLevel.BASELINE, PssVersion.LATEST, null, "", spec, "");

    assertThat(paths(verdict))
        .containsExactly("hostNetwork", "containers[0].securityContext.privileged");
  }

  @Test
  void listsCheckIdsPerLevel() {
    List<String> baselineIds =
        List.of(
            "appArmorProfile",
            "capabilities_baseline",
            "hostNamespaces",
            "hostPathVolumes",
            "hostPorts",
            "hostProbesAndHostLifecycle",
            "privileged",
            "procMount",
            "seLinuxOptions",
            "seccompProfile_baseline",
            "sysctls",
            "windowsHostProcess");
    List<String> restrictedOnly =
        List.of(
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "procMount_restricted",
            "restrictedVolumes",
            "runAsNonRoot",
            "runAsUser",
            "seccompProfile_restricted");

    assertThat(PodSecurityStandards.checkIds(PssLevel.PRIVILEGED)).isEmpty();
    assertThat(PodSecurityStandards.checkIds(PssLevel.BASELINE)).isEqualTo(baselineIds);
    assertThat(PodSecurityStandards.checkIds(PssLevel.RESTRICTED))
        .startsWith(baselineIds.toArray(String[]::new))
        .endsWith(restrictedOnly.toArray(String[]::new))
        .hasSize(baselineIds.size() + restrictedOnly.size());
  }

  @Test
  void listsOnlyTheChecksInForceAtAVersion() {
    assertThat(PodSecurityStandards.checkIds(PssLevel.RESTRICTED, PssVersion.parse("v1.0")))
        .doesNotContain(
            "allowPrivilegeEscalation",
            "capabilities_restricted",
            "hostProbesAndHostLifecycle",
            "procMount_restricted",
            "runAsUser",
            "seccompProfile_restricted")
        .contains("restrictedVolumes", "runAsNonRoot", "seccompProfile_baseline");
    assertThat(PodSecurityStandards.checkIds(PssLevel.RESTRICTED, PssVersion.LATEST))
        .isEqualTo(PodSecurityStandards.checkIds(PssLevel.RESTRICTED));
  }

  @Test
  void rejectsMissingLevelOrVersion() {
    assertThatThrownBy(
            () -> PodSecurityStandards.evaluate(null, PssVersion.LATEST, null, "", null, ""))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> PodSecurityStandards.evaluate(PssLevel.BASELINE, null, null, "", null, ""))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void allowsTheSharedRestrictedFixtureAtBaselineToo() {
    assertThat(baseline("v1.0", RESTRICTED_POD).allowed()).isTrue();
  }
}
