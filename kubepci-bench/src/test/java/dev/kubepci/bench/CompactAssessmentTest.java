package dev.kubepci.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.DumpWriter;
import dev.kubepci.bench.generate.OutputFormat;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.FileCollector;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.collect.snapshot.SnapshotFormat;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.collect.snapshot.SnapshotReader;
import dev.kubepci.config.ConfigLoader;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.rules.BuiltInRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeping bulk objects compact changes memory, never results: the JSON report of every input is byte for byte the
 * one produced with every object held as a model object.
 */
class CompactAssessmentTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "payment-platform");

  static String reportOf(CollectedInput input, KubepciConfig config) throws IOException {
    AssessmentRequest request = new AssessmentRequest(BuiltInRules.pciFramework(), BuiltInRules.catalog(),
        BuiltInRules.catalog().rules(), config, Clock.fixed(Instant.parse("2025-01-06T09:00:00Z"), ZoneOffset.UTC),
        "test", input.inputs(), dev.kubepci.secrets.RedactionKey.of("compact-assessment-test-key", "the test"));
    AssessmentReport report = new Assessor(request).assess(input.inventory(), input.errors());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The input read the way it was before compact resources: every object a model object. */
  static CollectedInput readEagerly(List<String> paths) {
    List<Resource> resources = new ArrayList<>();
    List<ProcessingError> errors = new ArrayList<>();
    ManifestReader reader = new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        resources.add(resource);
      }

      @Override
      public void error(ProcessingError error) {
        errors.add(error);
      }
    });
    for (String file : ManifestReader.expand(paths)) {
      reader.read(file, new ByteArrayInputStream(new byte[0]));
    }
    // as FileCollector does: objects that name no namespace are placed in default
    return new CollectedInput(Inventory.of(dev.kubepci.collect.DefaultNamespace.apply(resources, null)), errors,
        paths);
  }

  static CollectedInput readCompact(List<String> paths) {
    return FileCollector.collect(paths, new ByteArrayInputStream(new byte[0]), n -> { });
  }

  private static void assertSameReport(List<String> paths, KubepciConfig config) throws IOException {
    CollectedInput compact = readCompact(paths);
    assertThat(compact.inventory().all()).anyMatch(Resource::isCompact);
    String expected = reportOf(readEagerly(paths), config);
    assertThat(reportOf(compact, config)).isEqualTo(expected);
  }

  @Test
  void decodesEveryCompactObjectToTheObjectRead(@TempDir Path dir) throws IOException {
    Path dump = dir.resolve("cluster.json");
    try (OutputStream out = Files.newOutputStream(dump)) {
      DumpWriter.write(new SyntheticCluster(ClusterPlan.of(800, 13)), DumpWriter.Format.JSON, out);
    }
    List<String> paths = List.of(EXAMPLE.toString(), dump.toString());
    List<Resource> eager = readEagerly(paths).inventory().all();
    List<Resource> compact = readCompact(paths).inventory().all();
    assertThat(compact).hasSameSizeAs(eager);
    int compacted = 0;
    for (int i = 0; i < eager.size(); i++) {
      assertThat(compact.get(i).object()).as(eager.get(i).toString()).isEqualTo(eager.get(i).object());
      compacted += compact.get(i).isCompact() ? 1 : 0;
    }
    assertThat(compacted).isGreaterThan(eager.size() / 2);
  }

  @Test
  void reportsTheExampleClusterDumpAsBefore() throws IOException {
    assertSameReport(List.of(EXAMPLE.resolve("cluster-dump.yaml").toString()),
        ConfigLoader.load(EXAMPLE.resolve("kubepci.yaml")));
  }

  @Test
  void reportsTheExampleManifestsAndControlPlaneAsBefore() throws IOException {
    assertSameReport(List.of(EXAMPLE.resolve("manifests").toString(), EXAMPLE.resolve("control-plane").toString()),
        ConfigLoader.load(EXAMPLE.resolve("kubepci.yaml")));
  }

  @Test
  void reportsAGeneratedSnapshotAsBefore(@TempDir Path dir) throws IOException {
    Path bundle = dir.resolve("cluster" + SnapshotFormat.EXTENSION);
    OutputFormat.SNAPSHOT.write(new SyntheticCluster(ClusterPlan.of(1_000, 12)), bundle);
    SnapshotInventory eager = new SnapshotInventory(null);
    SnapshotReader.read(bundle, eager);
    SnapshotInventory compact = new SnapshotInventory();
    SnapshotReader.read(bundle, compact);
    CollectedInput compactInput = compact.result(List.of(bundle.toString()));
    assertThat(compactInput.inventory().all()).hasSize(1_000).anyMatch(Resource::isCompact);
    assertThat(compactInput.errors()).isEmpty();
    assertThat(reportOf(compactInput, KubepciConfig.EMPTY))
        .isEqualTo(reportOf(eager.result(List.of(bundle.toString())), KubepciConfig.EMPTY));
  }

  @Test
  void reportsAGeneratedClusterAsBefore(@TempDir Path dir) throws IOException {
    for (DumpWriter.Format format : DumpWriter.Format.values()) {
      Path dump = dir.resolve("cluster." + format.extension());
      try (OutputStream out = Files.newOutputStream(dump)) {
        DumpWriter.write(new SyntheticCluster(ClusterPlan.of(1_000, 11)), format, out);
      }
      assertSameReport(List.of(dump.toString()), KubepciConfig.EMPTY);
    }
  }
}
