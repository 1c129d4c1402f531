package dev.kubepci.bench.jmh;

import dev.kubepci.collect.CompactStore;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.report.ReportBuffer;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.rules.BuiltInRules;
import dev.kubepci.secrets.RedactionKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The JSON report of a 10,000-object synthetic cluster (every rule), produced in memory as the CLI does before it
 * writes a report: into a {@link ReportBuffer} of fixed-size chunks, and, for comparison, into one growing array
 * copied at the end, as before.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark extends AverageTimeBenchmark {
  private AssessmentReport report;

  @Setup
  public void setUp() throws IOException {
    List<Resource> objects = new ArrayList<>();
    ManifestReader reader = new ManifestReader(Samples.sink(objects::add), new CompactStore());
    reader.read("cluster.json", new StringReader(Samples.json(Samples.list(Samples.objects(o -> true,
        Integer.MAX_VALUE, 10_000)))));
    AssessmentRequest request = new AssessmentRequest(BuiltInRules.pciFramework(), BuiltInRules.catalog(),
        BuiltInRules.catalog().rules(), KubepciConfig.EMPTY,
        Clock.fixed(Instant.parse("2025-01-06T09:00:00Z"), ZoneOffset.UTC), "bench", List.of("cluster.json"),
        RedactionKey.of("report-benchmark-key", "the benchmark"));
    report = new Assessor(request).assess(Inventory.of(objects), List.of());
  }

  /** The report into 256 KB chunks, never copied into one array. */
  @Benchmark
  public long jsonReportIntoChunks() throws IOException {
    ReportBuffer buffer = new ReportBuffer();
    new JsonReporter().write(report, buffer);
    return buffer.size();
  }

  /** The same into a {@code ByteArrayOutputStream}, then copied out whole: what the CLI did before. */
  @Benchmark
  public int jsonReportIntoOneArray() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new JsonReporter().write(report, buffer);
    return buffer.toByteArray().length;
  }
}
