package dev.kubepci.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.report.diff.DiffRenderer;
import dev.kubepci.report.diff.ReportDiff;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDiffTest {
  private static JsonReport roundTrip(AssessmentReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonReporter().write(report, out);
    return ReportDiff.read(new ByteArrayInputStream(out.toByteArray()), "report.json");
  }

  @Test
  void theSameReportHasNoChanges() throws IOException {
    ReportDiff diff = ReportDiff.between(roundTrip(ReportFixture.sample()), roundTrip(ReportFixture.sample()));
    assertThat(diff.summary()).isEqualTo(new ReportDiff.Summary(0, 0, 4, 0, 0, 0, 0));
  }

  @Test
  void matchesFindingsByRuleObjectAndPathWhateverTheirLineOrWording() throws IOException {
    AssessmentReport old = ReportFixture.sample();
    List<Finding> changed = new ArrayList<>();
    Finding first = old.findings().get(0);
    changed.add(first.with().source(Provenance.ofFile("moved.yaml", 1, 3).withFieldLine(40)).message("reworded")
        .waiver(null).build());
    changed.add(old.findings().get(1).withStatus(Status.WAIVED));
    changed.add(Finding.builder("KPCI-0009", "new-rule").requirements(List.of("1.1")).severity(Severity.CRITICAL)
        .resource(first.resource()).source(first.source()).scope(ScopeZone.CDE).path(FieldPath.parse("spec.x"))
        .observed("1").message("new problem").remediation("Fix it.").build());
    ReportDiff diff = ReportDiff.between(roundTrip(old), roundTrip(old.withFindings(changed)));
    assertThat(diff.added()).extracting(ReportDiff.FindingEntry::rule).containsExactly("KPCI-0009");
    assertThat(diff.fixed()).extracting(ReportDiff.FindingEntry::rule).containsExactly("KPCI-0003", "KPCI-0004");
    assertThat(diff.unchanged()).extracting(ReportDiff.FindingEntry::rule).containsExactly("KPCI-0001", "KPCI-0002");
    assertThat(diff.unchanged().get(1).statusChanged()).isTrue();
    assertThat(diff.addedFailingAtOrAbove(Severity.CRITICAL)).hasSize(1);
    assertThat(DiffRenderer.terminal(diff)).contains("1 new, 2 fixed, 2 unchanged (1 changed status)");
  }

  @Test
  void rejectsAFileThatIsNotAReport() {
    assertThatThrownBy(() -> ReportDiff.read(new ByteArrayInputStream("{\"apiVersion\": \"v1\"}"
        .getBytes(StandardCharsets.UTF_8)), "x.json")).hasMessageContaining("x.json is not a kubepci JSON report");
    assertThatThrownBy(() -> ReportDiff.read(new ByteArrayInputStream("kind: List".getBytes(StandardCharsets.UTF_8)),
        "y.yaml")).hasMessageContaining("y.yaml is not a kubepci JSON report");
  }
}
