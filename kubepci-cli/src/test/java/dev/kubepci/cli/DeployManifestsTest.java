package dev.kubepci.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubepci.collect.FileCollector;
import dev.kubepci.collect.cluster.KnownResources;
import dev.kubepci.collect.cluster.ReaderRole;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVerdict;
import dev.kubepci.pss.PssVersion;
import dev.kubepci.rules.BuiltInRules;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifests in deploy/ pass kubepci's own checks and grant exactly what a collection uses. */
class DeployManifestsTest {
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Inventory deploy() {
    return FileCollector.collect(List.of(DEPLOY.toString()), InputStream.nullInputStream(), n -> { }).inventory();
  }

  @Test
  void passEveryBuiltInRuleWithoutAFinding(@TempDir Path dir) throws IOException {
    // kubepci is not among the organisation's high-risk workloads: a config says so, so the sandbox rule decides
    Path config = dir.resolve("kubepci.yaml");
    Files.writeString(config, "highRisk:\n  namespaces: [payments]\n");
    // image signatures are verified by the cluster's admission policies, which kubepci's own manifests cannot bring
    Cli.Run run = Cli.run("scan", DEPLOY.toString(), "--format", "json", "--fail-on", "info", "--config",
        config.toString(), "--skip-rule", "image-signature-verification");

    assertThat(run.code()).as(run.out()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("findings")).as("findings on deploy/").isEmpty();
    assertThat(report.get("errors")).isEmpty();
    // the pod-spec rules (cluster-wide rules such as the Windows inventory need nodes, which deploy/ has none of)
    List<String> workloadRules = dev.kubepci.rules.BuiltInRules.all().stream()
        .filter(r -> r.getClass().getPackageName().equals("dev.kubepci.rules.workload"))
        .filter(dev.kubepci.rule.WorkloadRule.class::isInstance)
        .map(r -> r.getClass().getAnnotation(dev.kubepci.rule.RuleInfo.class).id()).toList();
    for (JsonNode rule : report.get("rules")) {
      if (workloadRules.contains(rule.get("id").asText())) {
        assertThat(rule.get("status").asText()).as(rule.get("name").asText()).isEqualTo("PASS");
        assertThat(rule.get("passed").asInt()).as(rule.get("name").asText()).isPositive();
      }
    }
  }

  @Test
  void theSignedEvidenceVariantAddsOnlyTheKeyFromASecretAndTheBundleArguments() {
    List<CronJob> jobs = deploy().ofKind("CronJob").stream().map(r -> r.as(CronJob.class).orElseThrow()).toList();
    assertThat(jobs).extracting(j -> j.getMetadata().getName())
        .containsExactly("kubepci", "kubepci-push", "kubepci-signed-evidence");
    var plain = jobs.get(0).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    var signed = jobs.get(2).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(signed.getServiceAccountName()).isEqualTo(plain.getServiceAccountName());
    assertThat(signed.getAutomountServiceAccountToken()).isFalse();
    assertThat(signed.getSecurityContext()).isEqualTo(plain.getSecurityContext());
    assertThat(signed.getContainers().get(0).getSecurityContext()).isEqualTo(plain.getContainers().get(0).getSecurityContext());
    List<String> added = new java.util.ArrayList<>(signed.getContainers().get(0).getArgs());
    added.removeAll(plain.getContainers().get(0).getArgs());
    assertThat(added).containsExactly("--evidence-bundle=/reports/kubepci-evidence.zip",
        "--signing-key=/etc/kubepci-signing/signing.key");
    Volume key = signed.getVolumes().stream().filter(v -> v.getName().equals("signing-key")).findFirst().orElseThrow();
    assertThat(key.getSecret().getSecretName()).isEqualTo("kubepci-signing-key");
    assertThat(signed.getContainers().get(0).getVolumeMounts().stream()
        .filter(m -> m.getName().equals("signing-key")).findFirst().orElseThrow().getReadOnly()).isTrue();
    assertThat(signed.getVolumes()).hasSize(plain.getVolumes().size() + 1);
  }

  @Test
  void thePushingVariantAddsOnlyTheIngestTokenFromASecretAndThePushArguments() {
    List<CronJob> jobs = deploy().ofKind("CronJob").stream().map(r -> r.as(CronJob.class).orElseThrow()).toList();
    var plain = jobs.get(0).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    var push = jobs.get(1).getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(push.getServiceAccountName()).isEqualTo(plain.getServiceAccountName());
    assertThat(push.getSecurityContext()).isEqualTo(plain.getSecurityContext());
    assertThat(push.getContainers().get(0).getSecurityContext()).isEqualTo(plain.getContainers().get(0).getSecurityContext());
    List<String> added = new ArrayList<>(push.getContainers().get(0).getArgs());
    added.removeAll(plain.getContainers().get(0).getArgs());
    assertThat(added).containsExactly("--push=https://kubepci.example.com/", "--token-file=/etc/kubepci-push/token");
    Volume token = push.getVolumes().stream().filter(v -> v.getName().equals("push-token")).findFirst().orElseThrow();
    assertThat(token.getSecret().getSecretName()).isEqualTo("kubepci-push-token");
    assertThat(push.getVolumes()).hasSize(plain.getVolumes().size() + 1);
    // the arguments parse as kubepci's own: the CronJob runs what the command line accepts
    parses(push.getContainers().get(0).getArgs());
  }

  /** The arguments parse as kubepci's own (parsing runs nothing). */
  private static void parses(List<String> args) {
    Environment env = new Environment(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()), InputStream.nullInputStream(), Cli.ENV,
        java.time.Clock.systemUTC(), Environment.Terminals.NONE);
    org.assertj.core.api.Assertions.assertThatCode(() -> Main.commandLine(env).parseArgs(args.toArray(String[]::new)))
        .as(String.join(" ", args)).doesNotThrowAnyException();
  }

  @Test
  void theServerRunsRestrictedWithItsDatabaseFromASecretAndTls() {
    Workload server = deploy().workloads().stream().filter(w -> w.resource().kind().equals("Deployment"))
        .findFirst().orElseThrow();
    PssVerdict verdict = PodSecurityStandards.evaluate(PssLevel.RESTRICTED, PssVersion.LATEST,
        server.podMetadata(), server.podMetadataPath().toString(), server.podSpec(), server.podSpecPath().toString());
    assertThat(verdict.violations()).isEmpty();
    var pod = server.podSpec();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    var container = pod.getContainers().get(0);
    assertThat(container.getArgs()).startsWith("serve").contains("--tls-cert=/etc/kubepci-tls/tls.crt");
    parses(container.getArgs());
    assertThat(container.getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("KUBEPCI_DATABASE_URL");
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("kubepci-server-database");
    });
    assertThat(deploy().ofKind("NetworkPolicy").stream().map(r -> r.namespace() + "/" + r.name()))
        .contains("kubepci-server/default-deny", "kubepci-server/kubepci-server-egress");
  }

  @Test
  void theCronJobMeetsTheRestrictedPodSecurityStandard() {
    Workload job = deploy().workloads().stream().filter(w -> w.resource().kind().equals("CronJob")).findFirst()
        .orElseThrow();
    PssVerdict verdict = PodSecurityStandards.evaluate(PssLevel.RESTRICTED, PssVersion.LATEST, job.podMetadata(),
        job.podMetadataPath().toString(), job.podSpec(), job.podSpecPath().toString());
    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.allowed()).isTrue();
  }

  @Test
  void theCronJobMountsOnlyAShortLivedProjectedToken() {
    CronJob job = deploy().ofKind("CronJob").get(0).as(CronJob.class).orElseThrow();
    var pod = job.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    Volume token = pod.getVolumes().stream().filter(v -> v.getProjected() != null).findFirst().orElseThrow();
    var source = token.getProjected().getSources().stream().filter(s -> s.getServiceAccountToken() != null)
        .findFirst().orElseThrow().getServiceAccountToken();
    assertThat(source.getExpirationSeconds()).isEqualTo(600L);
    assertThat(pod.getContainers().get(0).getImage()).matches(".+@sha256:[0-9a-f]{64}");
    assertThat(pod.getContainers().get(0).getArgs()).contains("scan", "--save-snapshot=/reports/kubepci-snapshot.kpci.jsonl.gz",
        "--no-secrets");
    Resource sa = deploy().get("ServiceAccount", "kubepci", "kubepci").orElseThrow();
    assertThat(sa.as(io.fabric8.kubernetes.api.model.ServiceAccount.class).orElseThrow()
        .getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void theClusterRoleIsExactlyWhatTheBuiltInRulesNeed() throws IOException {
    // the in-cluster deployment runs with --no-secrets: kubepci's own identity needs no access to Secrets
    String expected = ReaderRole.yaml(dev.kubepci.scan.Scanner.reads(BuiltInRules.catalog().rules().stream()
        .filter(d -> !RuleSelection.readsSecrets(d)).toList()));
    assertThat(Files.readString(DEPLOY.resolve("20-clusterrole.yaml")))
        .as("deploy/20-clusterrole.yaml is stale: regenerate it with ./kubepci collect --print-rbac --no-secrets > "
            + "deploy/20-clusterrole.yaml")
        .isEqualTo(expected);
    assertThat(Cli.run("collect", "--print-rbac", "--no-secrets").out()).isEqualTo(expected);

    ClusterRole role = deploy().ofKind("ClusterRole").get(0).as(ClusterRole.class).orElseThrow();
    List<String> verbs = new ArrayList<>();
    boolean secrets = false;
    for (PolicyRule rule : role.getRules()) {
      verbs.addAll(rule.getVerbs());
      assertThat(rule.getResources()).doesNotContain("*");
      assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
      secrets |= rule.getApiGroups().contains("") && rule.getResources().contains("secrets");
    }
    assertThat(verbs).containsOnly("list");
    assertThat(secrets).as("the deployed role grants nothing on secrets").isFalse();
    // RBAC cannot limit list to metadata: a grant on secrets must carry the warning
    assertThat(Cli.run("collect", "--print-rbac").out()).contains("RBAC cannot limit list");
  }

  @Test
  void everyKindTheRulesReadHasAKnownResource() {
    assertThat(KnownResources.unknown(dev.kubepci.scan.Scanner.reads(BuiltInRules.catalog().rules())))
        .as("add these kinds to KnownResources, so that the ClusterRole can grant them").isEmpty();
  }

  @Test
  void theRoleFollowsTheRuleSelection() {
    Cli.Run rbac = Cli.run("collect", "--print-rbac", "--rule", "cluster-admin-binding");
    assertThat(rbac.out()).contains("""
        rules:
        - apiGroups: [""]
          resources: [namespaces, nodes]
          verbs: [list]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: [clusterrolebindings, rolebindings]
          verbs: [list]
        """);
  }
}
