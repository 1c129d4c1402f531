package dev.kubepci.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.DumpWriter;
import dev.kubepci.bench.generate.SyntheticCluster;
import dev.kubepci.collect.FieldLines;
import dev.kubepci.collect.SourceLocator;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.rules.BuiltInRules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings in a {@code kind: List} dump point at their field's line, located without parsing the whole dump. */
class FieldLinesOnDumpsTest {
  @Test
  void pointsFindingsOfADumpAtTheirFields(@TempDir Path dir) throws IOException {
    Path dump = dir.resolve("cluster.yaml");
    try (OutputStream out = Files.newOutputStream(dump)) {
      DumpWriter.write(new SyntheticCluster(ClusterPlan.of(1_000, 9)), DumpWriter.Format.YAML, out);
    }
    var input = CompactAssessmentTest.readCompact(List.of(dump.toString()));
    AssessmentRequest request = new AssessmentRequest(BuiltInRules.pciFramework(), BuiltInRules.catalog(),
        BuiltInRules.catalog().rules(), KubepciConfig.EMPTY,
        Clock.fixed(Instant.parse("2025-01-06T09:00:00Z"), ZoneOffset.UTC), "test", input.inputs());
    AssessmentReport report = FieldLines.locate(new Assessor(request).assess(input.inventory(), input.errors()));
    List<Finding> located = report.findings().stream()
        .filter(f -> f.source() instanceof Provenance.FileSource s && s.fieldLine() > 0).toList();
    assertThat(located).hasSizeGreaterThan(50);
    for (int i = 0; i < located.size(); i += located.size() / 40) {
      Finding f = located.get(i);
      // alone, and with the dump's root object asked about too, so that the whole document is parsed
      Provenance.FileSource source = (Provenance.FileSource) f.source();
      var wanted = new SourceLocator.Request(source.document(), source.line(), f.path());
      int alone = SourceLocator.locateAll(dump, List.of(wanted, new SourceLocator.Request(source.document(), 1,
          FieldPath.root()))).get(wanted);
      assertThat(source.fieldLine()).as(f.resource() + " " + f.path()).isEqualTo(alone);
    }
  }
}
