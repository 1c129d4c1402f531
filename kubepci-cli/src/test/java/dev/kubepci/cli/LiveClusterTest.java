package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.collect.cluster.ClusterCollector;
import dev.kubepci.collect.cluster.KindRequest;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.rules.BuiltInRules;
import dev.kubepci.testing.FakeApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path end to end: the example cluster served by fabric8's mock API server in CRUD mode, scanned live,
 * collected into a snapshot and scanned offline, and compared with the scan of the same objects from files.
 */
class LiveClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONFIG = Cli.EXAMPLES.resolve("kubepci.yaml").toString();

  @TempDir
  static Path dir;

  private static FakeApiServer cluster;
  private static String kubeconfig;

  @BeforeAll
  static void startExampleCluster() {
    cluster = exampleCluster();
    kubeconfig = cluster.writeKubeconfig(dir).toString();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** A fake API server holding the example cluster, with its add-ons' CRDs installed. */
  static FakeApiServer exampleCluster() {
    return FakeApiServer.start("kyverno.io", "aquasecurity.github.io", "crd.projectcalico.org", "external-secrets.io")
        .seed(exampleObjects());
  }

  /** Where two JSON trees differ, as JSON pointers, for failure messages a person can read. */
  static List<String> differences(JsonNode a, JsonNode b) {
    List<String> out = new ArrayList<>();
    diff("", a, b, out);
    return out;
  }

  private static void diff(String at, JsonNode a, JsonNode b, List<String> out) {
    if (a.equals(b) || out.size() > 20) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      Set<String> names = new java.util.TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(at + "/" + n, a.path(n), b.path(n), out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(at + "/" + i, a.get(i), b.get(i), out);
      }
    } else {
      String left = a.toString();
      String right = b.toString();
      out.add(at + ": " + left.substring(0, Math.min(300, left.length())) + " <> "
          + right.substring(0, Math.min(300, right.length())));
    }
  }

  /** The objects of the example's cluster dump, as kubectl would apply them. */
  static List<HasMetadata> exampleObjects() {
    List<HasMetadata> objects = new ArrayList<>();
    new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        objects.add(resource.object());
      }

      @Override
      public void error(ProcessingError error) {
        throw new IllegalStateException(error.describe());
      }
    }).read(Cli.DUMP, java.io.InputStream.nullInputStream());
    return objects;
  }

  private static JsonNode liveReport;

  /** The default live scan of the example cluster, run once: the cluster is not changed by any test. */
  static synchronized JsonNode liveReport() {
    if (liveReport == null) {
      liveReport = json(live());
    }
    return liveReport;
  }

  static Cli.Run live(String... args) {
    List<String> all = new ArrayList<>(List.of("scan", "--kubeconfig", kubeconfig, "--config", CONFIG,
        "--format", "json", "--fail-on", "none"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  static JsonNode json(Cli.Run run) {
    assertThat(run.code()).as(run.err()).isZero();
    try {
      return JSON.readTree(run.out());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report without what says where the objects were read: inputs, cluster, sources, uid, resourceVersion. */
  static JsonNode withoutProvenance(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("inputs");
    copy.remove("cluster");
    for (JsonNode f : copy.path("findings")) {
      if (f.get("resource") instanceof ObjectNode r) {
        r.remove("source");
        r.remove("uid");
        r.remove("resourceVersion");
      }
    }
    // the fake API server stamps its own creationTimestamp, so ages computed from it differ from the dump's
    for (JsonNode t : copy.path("tables")) {
      int age = -1;
      for (int i = 0; i < t.path("columns").size(); i++) {
        if (t.path("columns").get(i).asText().equals("age (days)")) {
          age = i;
        }
      }
      if (age >= 0) {
        for (JsonNode row : t.path("rows")) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) row).set(age, "-");
        }
      }
    }
    return copy;
  }

  /** The example dump reduced to the kinds a live collection lists, as a JSON array file. */
  static Path dumpOfCollectedKinds() throws IOException {
    Set<String> plan = Set.copyOf(ClusterCollector.plan(dev.kubepci.scan.Scanner.reads(BuiltInRules.catalog().rules())));
    JsonNode dump = new YAMLMapper().readTree(Path.of(Cli.DUMP).toFile());
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode item : dump.path("items")) {
      String apiVersion = item.path("apiVersion").asText();
      String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      String kind = item.path("kind").asText();
      if (plan.contains(kind) || plan.contains(group + "/" + kind)
          || plan.stream().map(KindRequest::parse).anyMatch(r -> r.isWildcard() && r.group().equals(group))) {
        kept.add(item);
      }
    }
    Path file = dir.resolve("collected-kinds.json");
    JSON.writeValue(file.toFile(), kept);
    return file;
  }

  /**
   * Also without the reasons of rules that need configuration files (KubeletConfiguration): both scans answer
   * NOT_ASSESSED, but a live scan can say the file must be given next to the cluster.
   */
  static JsonNode withoutConfigFileReasons(JsonNode report) {
    ObjectNode copy = withoutProvenance(report).deepCopy();
    for (JsonNode r : copy.path("rules")) {
      if (r instanceof ObjectNode rule && "NOT_ASSESSED".equals(rule.path("status").asText())
          && rule.path("reason").asText().contains("KubeletConfiguration")) {
        rule.remove("reason");
      }
    }
    for (JsonNode r : copy.path("requirements")) {
      if (r instanceof ObjectNode req && req.toString().contains("KubeletConfiguration")) {
        req.remove("reason");
        req.remove("evidence");
      }
    }
    return copy;
  }

  @Test
  void liveScanGivesTheVerdictsAndFindingsOfTheSameObjectsFromFiles() throws IOException {
    JsonNode live = liveReport();
    JsonNode files = json(Cli.run("scan", dumpOfCollectedKinds().toString(), "--config", CONFIG,
        "--format", "json", "--fail-on", "none"));

    assertThat(live.get("findings")).isNotEmpty();
    assertThat(differences(withoutConfigFileReasons(live), withoutConfigFileReasons(files))).isEmpty();
    assertThat(live.get("rules").toString()).contains("KubeletConfiguration is a configuration file, not an API object");
    assertThat(live.at("/cluster/server").asText()).isEqualTo(cluster.url());
    assertThat(live.at("/cluster/version").asText()).isEqualTo("v1.30.4");
    assertThat(live.get("inputs")).hasSize(1);
    assertThat(live.at("/inputs/0").asText()).isEqualTo("cluster " + cluster.url() + " (context fake)");
    JsonNode source = live.at("/findings/0/resource/source");
    assertThat(source.get("cluster").asText()).isEqualTo(cluster.url());
    assertThat(source.get("collectedAt").asText()).isEqualTo("2026-01-01T10:00:00Z");
    assertThat(source.has("file")).isFalse();
    assertThat(live.at("/findings/0/resource/uid").asText()).isNotEmpty();
    assertThat(ScanCommandTest.validate(live.toString())).isEmpty();
  }

  @Test
  void aSnapshotScansOfflineExactlyAsTheLiveClusterDid() throws IOException {
    Path snapshot = dir.resolve("example.kpci.jsonl.gz");
    Cli.Run collect = Cli.run("collect", "--kubeconfig", kubeconfig, "--output", snapshot.toString());
    assertThat(collect.code()).as(collect.err()).isZero();
    assertThat(collect.out()).startsWith("Wrote " + snapshot + ": ").contains("from cluster " + cluster.url());
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
        snapshot))).isEqualTo("rw-------");
    String content;
    try (var in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(snapshot))) {
      content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    // the example's planted credentials, in env values, ConfigMap data and last-applied annotations
    assertThat(content).contains("<redacted stripe-key hmac:").doesNotContain("EXAMPLEONLY0000",
        "EXAMPLE-placeholder-password", "EXAMPLE-placeholder-smtp-password");

    JsonNode live = liveReport();
    JsonNode offline = json(Cli.run("scan", snapshot.toString(), "--config", CONFIG, "--format", "json",
        "--fail-on", "none"));

    ObjectNode a = live.deepCopy();
    ObjectNode b = offline.deepCopy();
    assertThat(b.at("/inputs/0").asText()).isEqualTo(snapshot + " (snapshot of cluster " + cluster.url()
        + ", context fake, collected 2026-01-01T10:00:00Z)");
    a.remove("inputs");
    b.remove("inputs");
    assertThat(differences(a, b)).isEmpty();
  }

  @Test
  void liveScanCanKeepTheSnapshotItAssessed() throws IOException {
    Path kept = dir.resolve("kept.kpci.jsonl.gz");
    JsonNode live = json(live("--save-snapshot", kept.toString()));
    JsonNode offline = json(Cli.run("scan", kept.toString(), "--config", CONFIG, "--format", "json",
        "--fail-on", "none"));
    ((ObjectNode) live).remove("inputs");
    ((ObjectNode) offline).remove("inputs");
    assertThat(differences(live, offline)).isEmpty();
  }

  @Test
  void everyReportFormatRendersALiveScan() throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", "--kubeconfig", kubeconfig, "--fail-on", "none", "--quiet",
        "--details"));
    for (String format : dev.kubepci.report.formats.ReportFormats.names()) {
      args.addAll(List.of("--format", format, "--output", dir.resolve("live-report." + format).toString()));
    }
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    for (String format : dev.kubepci.report.formats.ReportFormats.names()) {
      String report = Files.readString(dir.resolve("live-report." + format));
      assertThat(report).as(format).contains("payments").doesNotContain("null:");
    }
    assertThat(Files.readString(dir.resolve("live-report.sarif"))).contains(cluster.url());
  }

  @Test
  void smallPagesGiveTheSameResultThroughManyContinueRequests() {
    int before = cluster.requests().size();
    JsonNode paged = json(live("--page-size", "2"));
    List<FakeApiServer.Request> pods = cluster.requests().subList(before, cluster.requests().size()).stream()
        .filter(r -> r.path().equals("/api/v1/pods")).toList();
    long pageCount = exampleObjects().stream().filter(o -> o.getKind().equals("Pod")).count();

    assertThat(pods).hasSize((int) ((pageCount + 1) / 2));
    assertThat(pods.stream().filter(r -> r.query().contains("continue="))).hasSize(pods.size() - 1);
    assertThat(pods).allSatisfy(r -> assertThat(r.query()).contains("limit=2"));
    assertThat(paged).isEqualTo(liveReport());
  }

  @Test
  void listsOnlyWhatTheEnabledRulesRead() {
    int before = cluster.requests().size();
    json(live("--rule", "cluster-admin-binding"));
    List<String> lists = cluster.requests().subList(before, cluster.requests().size()).stream()
        .map(FakeApiServer.Request::path)
        .filter(p -> p.matches("/api/v1/[a-z]+|/apis/[^/]+/[^/]+/[a-z]+"))
        .sorted().toList();

    assertThat(lists).containsExactly("/api/v1/namespaces", "/api/v1/nodes",
        "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", "/apis/rbac.authorization.k8s.io/v1/rolebindings");
  }

  @Test
  void aForbiddenKindMakesItsRulesNotAssessedNamingThePermission() throws IOException {
    try (FakeApiServer restricted = exampleCluster()
        .forbid("clusterrolebindings.rbac.authorization.k8s.io")) {
      String config = restricted.writeKubeconfig(Files.createDirectory(dir.resolve("restricted"))).toString();

      Cli.Run run = Cli.run("scan", "--kubeconfig", config, "--format", "json", "--fail-on", "none");

      JsonNode report = json(run);
      JsonNode rule = find(report.get("rules"), "KPCI-0008");
      assertThat(rule.get("status").asText()).isEqualTo("NOT_ASSESSED");
      assertThat(rule.get("reason").asText()).isEqualTo("could not read ClusterRoleBinding: forbidden: the identity "
          + FakeApiServer.IDENTITY + " cannot list clusterrolebindings.rbac.authorization.k8s.io (kubepci needs the "
          + "list verb on resource clusterrolebindings in API group rbac.authorization.k8s.io)");
      for (JsonNode r : report.get("requirements")) {
        if (r.get("rules").toString().contains("KPCI-0008")) {
          assertThat(r.get("status").asText()).isEqualTo("NOT_ASSESSED");
          assertThat(r.get("reason").asText()).contains("clusterrolebindings.rbac.authorization.k8s.io");
        }
      }
      assertThat(find(report.get("rules"), "KPCI-0001").get("status").asText()).isIn("PASS", "FAIL");
      assertThat(run.err()).isEqualTo("kubepci: ClusterRoleBinding not collected: forbidden: the identity "
          + FakeApiServer.IDENTITY + " cannot list clusterrolebindings.rbac.authorization.k8s.io (kubepci needs the "
          + "list verb on resource clusterrolebindings in API group rbac.authorization.k8s.io)\n"
          + "kubepci: exit 0: failing findings do not count (--fail-on none)\n");

      // docs/live-clusters.md shows this run in the terminal: each of its lines is printed
      Cli.Run text = Cli.run("scan", "--kubeconfig", config, "--fail-on", "none", "--show", "practices");
      List<String> printed = (text.err() + text.out()).lines().map(String::strip).toList();
      List<String> doc = Files.readAllLines(Path.of("..", "docs", "live-clusters.md"));
      int at = doc.indexOf("  <!-- the terminal of a scan that may not list ClusterRoleBindings -->");
      assertThat(at).as("the sample in docs/live-clusters.md").isPositive();
      for (String line : doc.subList(at + 2, doc.size())) {
        if (line.strip().startsWith("```")) {
          break;
        }
        if (!line.strip().equals("...")) {
          assertThat(printed).as("docs/live-clusters.md sample line").contains(line.strip());
        }
      }
    }
  }

  @Test
  void showsCollectionProgressOnATerminalOnly() throws IOException {
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1767261600", "TERM", "xterm");
    String[] args = {"scan", "--kubeconfig", kubeconfig, "--format", "json", "--output",
        dir.resolve("progress.json").toString(), "--fail-on", "none"};

    Cli.Run terminal = Cli.runIn(env, new Environment.Terminals(false, true), args);
    String written = "kubepci: wrote " + dir.resolve("progress.json") + " ("
        + OutputMode.size(Files.size(dir.resolve("progress.json"))) + ")\n"
        + "kubepci: exit 0: failing findings do not count (--fail-on none)\n";
    assertThat(terminal.code()).isZero();
    assertThat(terminal.err()).contains("\rkubepci: collecting 0/").contains(" kinds: Pod ")
        .contains(" objects").endsWith("\r" + written);

    Cli.Run piped = Cli.runIn(env, Environment.Terminals.NONE, args);
    assertThat(piped.code()).isZero();
    assertThat(piped.err()).as("no progress, only what was written and why the exit code").isEqualTo(written);

    List<String> quietArgs = new ArrayList<>(List.of(args));
    quietArgs.add("--quiet");
    Cli.Run quiet = Cli.runIn(env, new Environment.Terminals(false, true), quietArgs.toArray(String[]::new));
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void anUnreachableClusterIsOneLineAndExitCodeThree() throws IOException {
    FakeApiServer gone = FakeApiServer.start();
    Path config = gone.writeKubeconfig(Files.createDirectory(dir.resolve("gone")));
    String url = gone.url();
    gone.close();

    Cli.Run run = Cli.run("scan", "--kubeconfig", config.toString(), "--retries", "1", "--quiet");

    assertThat(run.code()).isEqualTo(ExitCode.INPUT_ERROR.code());
    assertThat(run.err()).isEqualTo("kubepci: cannot reach the Kubernetes API server at " + url
        + ": connection refused (after 2 attempts)\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void retriesAreAnnouncedOnStandardError() throws IOException {
    try (FakeApiServer flaky = exampleCluster().fail("/api/v1/nodes", 503, 1)) {
      String config = flaky.writeKubeconfig(Files.createDirectory(dir.resolve("flaky"))).toString();
      Cli.Run run = Cli.run("scan", "--kubeconfig", config, "--format", "json", "--fail-on", "none",
          "--rule", "privileged-container");
      assertThat(run.code()).isZero();
      assertThat(run.err()).startsWith("kubepci: GET /api/v1/nodes?limit=500: 503 Service Unavailable")
          .contains("retrying (attempt 2 of 4)").hasLineCount(2)
          .endsWith("\nkubepci: exit 0: failing findings do not count (--fail-on none)\n");
    }
  }

  @Test
  void withoutAnyClusterConfiguredScanSaysHowToScanFiles() {
    Cli.Run run = Cli.runIn(Map.of("HOME", dir.resolve("nohome").toString()), Environment.Terminals.NONE, "scan");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).isEqualTo("kubepci: no cluster configured: no kubeconfig (--kubeconfig, KUBECONFIG or "
        + "~/.kube/config) and not running in a pod; to assess files or a snapshot instead, name them: kubepci scan "
        + "PATH\n");
  }

  @Test
  void anUnwritableSnapshotIsOneLine() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Cli.Run run = Cli.run("collect", "--kubeconfig", kubeconfig, "--output", file.resolve("out.kpci.jsonl.gz").toString());
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).startsWith("kubepci: cannot write " + file.resolve("out.kpci.jsonl.gz")).hasLineCount(1);
  }

  @Test
  void clusterOptionsWithPathsAreAUsageError() {
    Cli.Run run = Cli.run("scan", Cli.MANIFESTS, "--context", "prod");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err()).contains("apply to live scans: drop the paths or add --live");
    assertThat(Cli.run("scan", "--kubeconfig", kubeconfig, "--page-size", "0").err())
        .isEqualTo("kubepci: --page-size must be at least 1, not 0\n");
    assertThat(Cli.run("collect", "--kubeconfig", kubeconfig).err())
        .startsWith("kubepci: --output FILE is required");
    assertThat(Cli.run("scan", "--kubeconfig", kubeconfig, "--context", "nope").err())
        .isEqualTo("kubepci: context nope is not in " + kubeconfig + " (it has: fake)\n");
  }

  private static JsonNode find(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError(id + " not found");
  }
}
