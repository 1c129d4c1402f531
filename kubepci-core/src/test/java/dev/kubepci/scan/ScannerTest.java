package dev.kubepci.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.InputException;
import dev.kubepci.collect.cluster.ClusterTarget;
import dev.kubepci.collect.cluster.CollectionOptions;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Provenance;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.ExitCode;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ScanOutcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import dev.kubepci.secrets.RedactionKey;
import dev.kubepci.testing.FakeApiServer;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan API without a command line: files, standard input, snapshots and a live cluster into one report. */
class ScannerTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  /** Flags hostPID, for these tests only. */
  @RuleInfo(id = "KPCI-0798", name = "test-scan-host-pid", severity = Severity.HIGH)
  static final class HostPidRule implements WorkloadRule {
    @Override
    public List<Violation> check(Workload w, RuleContext c) {
      return Boolean.TRUE.equals(w.podSpec().getHostPID())
          ? List.of(Violation.at(w.podSpecPath().child("hostPID"), true, "pod shares the host PID namespace"))
          : List.of();
    }
  }

  private static final String PODS = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: quiet
        namespace: shop
      spec:
        containers: [{name: c, image: x}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: nosy
        namespace: shop
      spec:
        containers: [{name: c, image: x}]
        hostPID: true
      """;

  @TempDir
  Path dir;

  private static ScanRequestBuilder request() {
    RuleCatalog catalog = new RuleCatalog(List.of(new HostPidRule()));
    Framework framework = new Framework("test", "1", "Test", "kubepci", "2026", List.of(
        new Framework.Area("1", "Test", List.of(new Framework.Practice("1.1", "Test practice", null, null,
            Framework.Assessment.automated, List.of("KPCI-0798"), List.of(), List.of(), List.of())))));
    return ScanRequest.builder(framework, catalog).clock(Clock.fixed(NOW, ZoneOffset.UTC)).toolVersion("test")
        .redactionKey(RedactionKey.of("scanner-test-fixed-key-0123456789", "the tests"));
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void assessesFilesAndPointsFindingsAtTheirFieldLines() throws IOException {
    Path pods = write("pods.yaml", PODS);

    AssessmentReport report = Scanner.scan(request().paths(List.of(pods.toString())).build());

    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("pod shares the host PID namespace");
      var source = (Provenance.FileSource) f.source();
      assertThat(source.file()).isEqualTo(pods.toString());
      assertThat(source.line()).isEqualTo(9);
      assertThat(source.fieldLine()).isEqualTo(16);
    });
    assertThat(report.inputs()).containsExactly(pods.toString());
    assertThat(report.basis().files()).singleElement().satisfies(f -> assertThat(f.sha256()).hasSize(64));
    ScanOutcome high = ScanOutcome.of(report, Severity.HIGH);
    assertThat(high.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(high.summary()).isEqualTo("code 1: 1 failing finding at or above high (--fail-on high)");
    assertThat(high.explanation(false)).isEqualTo("1 failing finding at or above high");
    ScanOutcome critical = ScanOutcome.of(report, Severity.CRITICAL);
    assertThat(critical.code()).isEqualTo(ExitCode.OK);
    assertThat(critical.summary()).isEqualTo("code 0: no failing finding at or above critical (--fail-on critical)");
    ScanOutcome none = ScanOutcome.of(report, null);
    assertThat(none.code()).isEqualTo(ExitCode.OK);
    assertThat(none.summary()).isEqualTo("code 0: --fail-on none");
    assertThat(none.explanation(false)).isEqualTo("failing findings do not count (--fail-on none)");
  }

  @Test
  void readsStandardInputWithoutLocatingLinesItCannotReread() {
    AssessmentReport report = Scanner.scan(request().paths(List.of("-"))
        .stdin(new ByteArrayInputStream(PODS.getBytes(StandardCharsets.UTF_8))).build());

    assertThat(report.findings()).singleElement().satisfies(f -> {
      var source = (Provenance.FileSource) f.source();
      assertThat(source.file()).isEqualTo("-");
      assertThat(source.fieldLine()).isZero();
      assertThat(source.line()).isEqualTo(9);
    });
  }

  @Test
  void keepsAssessingWhatParsedWhenAFileIsBroken() throws IOException {
    Path pods = write("pods.yaml", PODS);
    Path broken = write("broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata: [not, a, map\n");

    AssessmentReport report = Scanner.scan(request().paths(List.of(broken.toString(), pods.toString())).build());

    assertThat(report.errors()).singleElement().satisfies(e -> assertThat(((Provenance.FileSource) e.source()).file()).isEqualTo(broken.toString()));
    assertThat(report.findings()).extracting(Finding::message).containsExactly("pod shares the host PID namespace");
    ScanOutcome outcome = ScanOutcome.of(report, Severity.HIGH);
    assertThat(outcome.code()).isEqualTo(ExitCode.INPUT_ERROR);
    assertThat(outcome.summary()).isEqualTo("code 3: 1 input error (listed above); the rest was assessed");
  }

  @Test
  void refusesContradictoryInputsBeforeReadingAnything() throws IOException {
    Path a = gzip("a.kpci.jsonl.gz");
    Path b = gzip("b.kpci.jsonl.gz");

    assertThatThrownBy(() -> Scanner.scan(request().paths(List.of(a.toString(), b.toString())).build()))
        .isInstanceOf(ScanException.class).hasMessage("give one snapshot at a time: " + a + ", " + b)
        .extracting(e -> ((ScanException) e).exitCode()).isEqualTo(ExitCode.USAGE);
    assertThatThrownBy(() -> Scanner.scan(request().paths(List.of(a.toString())).live(true).build()))
        .isInstanceOf(ScanException.class).hasMessageStartingWith("--live and a snapshot cannot be combined");
    assertThatThrownBy(() -> Scanner.scan(request().paths(List.of(dir.resolve("none.yaml").toString())).build()))
        .isInstanceOf(InputException.class).hasMessageContaining("no such file or directory");
  }

  private Path gzip(String name) throws IOException {
    Path file = dir.resolve(name);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{}\n".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void scansALiveClusterKeepsItsSnapshotAndScansTheSnapshotAlike() {
    try (FakeApiServer fake = FakeApiServer.start().seed(List.of(
        new PodBuilder().withNewMetadata().withName("nosy").withNamespace("shop").endMetadata()
            .withNewSpec().withHostPID(true).addNewContainer().withName("c").withImage("x").endContainer().endSpec()
            .build()))) {
      ClusterTarget target = ClusterTarget.resolve(fake.writeKubeconfig(dir), null, Map.of());
      CollectionOptions options = new CollectionOptions(500, 2, 0, Duration.ofSeconds(10), 0, Duration.ofMillis(1));
      Path snapshot = dir.resolve("cluster.kpci.jsonl.gz");
      List<String> heard = new ArrayList<>();
      ScanListener listener = new ScanListener() {
        @Override
        public synchronized void planned(List<String> reads) {
          heard.add("planned " + reads);
        }

        @Override
        public synchronized void readingSnapshot(String path) {
          heard.add("snapshot " + path);
        }
      };

      AssessmentReport live = Scanner.scan(request().cluster(ClusterConnection.of(target, options, false))
          .saveSnapshot(snapshot).listener(listener).build());
      AssessmentReport offline = Scanner.scan(request().paths(List.of(snapshot.toString())).listener(listener)
          .build());

      assertThat(live.findings()).singleElement().satisfies(f -> {
        assertThat(((Provenance.ClusterSource) f.source()).cluster()).isEqualTo(fake.url());
        assertThat(f.path()).hasToString("spec.hostPID");
      });
      assertThat(offline.findings()).isEqualTo(live.findings());
      assertThat(offline.rules()).isEqualTo(live.rules());
      assertThat(heard).hasSize(2);
      assertThat(heard.get(0)).startsWith("planned [").contains("Pod");
      assertThat(heard.get(1)).isEqualTo("snapshot " + snapshot);
      assertThat(SnapshotInventory.read(snapshot).inventory().ofKind("Pod")).hasSize(1);
      assertThat(offline.basis().files()).singleElement()
          .satisfies(f -> assertThat(f.sha256()).isEqualTo(sha256(Files.readAllBytes(snapshot))));
    }
  }

  /**
   * The digest of an input is that of the bytes assessed, taken as they were read: a file changed after it was read
   * (here, as soon as the scan says it has read it) keeps the digest of what was read, and the change is not hashed.
   */
  @Test
  void givesTheDigestOfTheBytesAssessedNotOfAFileChangedAfterwards() throws IOException {
    Path pods = write("pods.yaml", PODS);
    byte[] assessed = Files.readAllBytes(pods);
    ScanListener changesTheFile = new ScanListener() {
      @Override
      public void sourcesRead(int sources) {
        try {
          Files.writeString(pods, "# changed after it was read\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };

    AssessmentReport report = Scanner.scan(request().paths(List.of(pods.toString())).listener(changesTheFile).build());

    assertThat(Files.readAllBytes(pods)).isNotEqualTo(assessed);
    assertThat(report.findings()).hasSize(1);
    assertThat(report.basis().files()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(pods.toString());
      assertThat(f.sha256()).isEqualTo(sha256(assessed));
    });
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anOfflineScanRefusesANamedClusterOrASnapshotToKeep() throws IOException {
    Path pods = write("pods.yaml", PODS);
    ClusterConnection named = ClusterConnection.of(null, null, true);

    assertThatThrownBy(() -> Scanner.scan(request().paths(List.of(pods.toString())).cluster(named).build()))
        .isInstanceOf(ScanException.class).hasMessageStartingWith("--kubeconfig, --context and --save-snapshot");
    assertThatThrownBy(() -> Scanner.scan(request().paths(List.of(pods.toString()))
        .saveSnapshot(dir.resolve("s.kpci.jsonl.gz")).build()))
        .isInstanceOf(ScanException.class).hasMessageStartingWith("--kubeconfig, --context and --save-snapshot");
  }

  @Test
  void aClusterThatCannotBeReachedIsAnInputError() {
    ClusterTarget target;
    try (FakeApiServer fake = FakeApiServer.start()) {
      target = ClusterTarget.resolve(fake.writeKubeconfig(dir), null, Map.of());
    }
    CollectionOptions options = new CollectionOptions(500, 1, 0, Duration.ofSeconds(2), 0, Duration.ofMillis(1));

    assertThatThrownBy(() -> Scanner.scan(request().cluster(ClusterConnection.of(target, options, false)).build()))
        .isInstanceOf(ScanException.class)
        .extracting(e -> ((ScanException) e).exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
  }

  @Test
  void theOfflineReadOfOtherCommandsTakesASnapshotToo() {
    try (FakeApiServer fake = FakeApiServer.start().seed(List.of(new PodBuilder().withNewMetadata().withName("p")
        .withNamespace("shop").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("x")
        .endContainer().endSpec().build()))) {
      ClusterTarget target = ClusterTarget.resolve(fake.writeKubeconfig(dir), null, Map.of());
      CollectionOptions options = new CollectionOptions(500, 1, 0, Duration.ofSeconds(10), 0, Duration.ofMillis(1));
      Path snapshot = dir.resolve("c.kpci.jsonl.gz");
      Scanner.scan(request().cluster(ClusterConnection.of(target, options, false)).saveSnapshot(snapshot).build());

      var input = Scanner.offline(List.of(snapshot.toString()), InputStream.nullInputStream(),
          dev.kubepci.collect.RenderOptions.DEFAULTS, ScanListener.NONE);

      assertThat(input.inventory().ofKind("Pod")).hasSize(1);
      assertThat(input.errors()).isEmpty();
    }
  }
}
