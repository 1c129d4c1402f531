package dev.kubepci.bench.jmh;

import dev.kubepci.collect.CompactStore;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.report.OutputFile;
import dev.kubepci.report.ReportBuffer;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.rules.BuiltInRules;
import dev.kubepci.secrets.RedactionKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JSON report of a 10,000-object synthetic cluster (every rule): straight into a file, as the CLI writes a
 * report for a file; into a {@link ReportBuffer} of fixed-size chunks, as it produces a report for standard output;
 * and, for comparison, into one growing array copied at the end, as it did before either.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark extends AverageTimeBenchmark {
  private AssessmentReport report;
  private Path folder;
  private Path reportFile;

  @Setup
  public void setUp() throws IOException {
    List<Resource> objects = Samples.read("cluster.json",
        List.of(Samples.list(Samples.objects(o -> true, Integer.MAX_VALUE, 10_000))), new CompactStore());
    AssessmentRequest request = new AssessmentRequest(BuiltInRules.pciFramework(), BuiltInRules.catalog(),
        BuiltInRules.catalog().rules(), KubepciConfig.EMPTY,
        Clock.fixed(Instant.parse("2025-01-06T09:00:00Z"), ZoneOffset.UTC), "bench", List.of("cluster.json"),
        RedactionKey.of("report-benchmark-key", "the benchmark"));
    report = new Assessor(request).assess(Inventory.of(objects), List.of());
    folder = Files.createTempDirectory("kubepci-report-benchmark");
    reportFile = folder.resolve("report.json");
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(reportFile);
    Files.deleteIfExists(folder);
  }

  /** The report into 256 KB chunks, never copied into one array. */
  @Benchmark
  public long jsonReportIntoChunks() throws IOException {
    ReportBuffer buffer = new ReportBuffer();
    new JsonReporter().write(report, buffer);
    return buffer.size();
  }

  /**
   * The report straight into a file, as the CLI writes a report for a file now: through {@link OutputFile}'s
   * temporary file, flushed to disk and renamed when complete; no copy of the report is held in memory.
   */
  @Benchmark
  public long jsonReportIntoFile() throws IOException {
    try (OutputFile file = OutputFile.open(reportFile, OutputFile.PRIVATE)) {
      new JsonReporter().write(report, file.stream());
      file.commit();
    }
    return Files.size(reportFile);
  }

  /** The same into a {@code ByteArrayOutputStream}, then copied out whole: what the CLI did before. */
  @Benchmark
  public int jsonReportIntoOneArray() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new JsonReporter().write(report, buffer);
    return buffer.toByteArray().length;
  }
}
