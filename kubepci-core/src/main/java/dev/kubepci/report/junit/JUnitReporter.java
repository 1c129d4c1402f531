package dev.kubepci.report.junit;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML for CI servers: a test suite per area, a test case per best practice. FAIL is a failure listing the
 * findings; NOT_ASSESSED is an error (the check could not run for lack of data, which is never a pass); MANUAL
 * and NOT_APPLICABLE are skipped with the reason; PASS and WAIVED pass, WAIVED with its waivers in the output.
 * An attested practice carries its verdict with the attestation in the output. Input errors form a suite of
 * their own, one error each.
 */
public final class JUnitReporter extends DocumentReporter<JUnitXml.TestSuites> {
  private static final XmlMapper MAPPER = XmlMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
      .build();

  public JUnitReporter() {
    super("junit", JUnitReporter::toJUnit, (suites, out) -> {
      out.write(MAPPER.writeValueAsBytes(suites));
      out.write('\n');
      out.flush();
    });
  }

  /** The JUnit model of a report. */
  public static JUnitXml.TestSuites toJUnit(AssessmentReport report) {
    Map<String, List<Finding>> findingsByPractice = report.findings().stream()
        .flatMap(f -> f.requirements().stream().map(r -> Map.entry(r, f)))
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
            Collectors.toList())));
    String timestamp = report.generatedAt().toString();
    List<JUnitXml.TestSuite> suites = new ArrayList<>();
    int tests = 0;
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    for (AreaResult area : report.areas()) {
      List<JUnitXml.TestCase> cases = new ArrayList<>();
      int f = 0;
      int e = 0;
      int s = 0;
      for (RequirementResult r : area.requirements()) {
        JUnitXml.TestCase c = testCase(report, r, findingsByPractice.getOrDefault(r.id(), List.of()));
        cases.add(c);
        f += c.failure() != null ? 1 : 0;
        e += c.error() != null ? 1 : 0;
        s += c.skipped() != null ? 1 : 0;
      }
      List<JUnitXml.Property> properties = List.of(
          new JUnitXml.Property("area", area.id()),
          new JUnitXml.Property("status", area.status().name()));
      suites.add(new JUnitXml.TestSuite(area.id() + ". " + area.title(), "area-" + area.id(), cases.size(), f, e, s,
          timestamp, properties, cases));
      tests += cases.size();
      failures += f;
      errors += e;
      skipped += s;
    }
    if (!report.errors().isEmpty()) {
      // input kubepci could not use: each is an error, so that CI never mistakes a partial read for a pass
      List<JUnitXml.TestCase> cases = new ArrayList<>();
      for (ProcessingError e : report.errors()) {
        cases.add(new JUnitXml.TestCase(e.source().describe(), report.frameworkId() + ".input", null,
            new JUnitXml.Problem(e.message(), "INPUT_ERROR", null), null, null));
      }
      suites.add(new JUnitXml.TestSuite("Input errors", "input", cases.size(), 0, cases.size(), 0, timestamp, null,
          cases));
      tests += cases.size();
      errors += cases.size();
    }
    if (!report.ruleErrors().isEmpty()) {
      // a rule that threw decided nothing: an error, never a pass
      List<JUnitXml.TestCase> cases = new ArrayList<>();
      for (dev.kubepci.result.RuleError e : report.ruleErrors()) {
        cases.add(new JUnitXml.TestCase(e.describe(), report.frameworkId() + ".rule", null,
            new JUnitXml.Problem(e.message(), "RULE_ERROR", null), null, null));
      }
      suites.add(new JUnitXml.TestSuite("Rule errors", "rule-errors", cases.size(), 0, cases.size(), 0, timestamp,
          null, cases));
      tests += cases.size();
      errors += cases.size();
    }
    return new JUnitXml.TestSuites(report.toolName() + " " + report.frameworkTitle() + " v"
        + report.frameworkVersion(), tests, failures, errors, skipped, timestamp, suites);
  }

  private static JUnitXml.TestCase testCase(AssessmentReport report, RequirementResult r, List<Finding> findings) {
    String name = r.id() + " " + r.title();
    String classname = report.frameworkId() + ".area-" + r.area();
    StringBuilder out = new StringBuilder();
    out.append("status: ").append(r.status()).append(" (assessment ").append(r.assessment()).append(")\n");
    if (r.reason() != null) {
      out.append("reason: ").append(r.reason()).append('\n');
    }
    if (r.attestation() != null) {
      out.append("attestation: ").append(r.attestation().verdict()).append(" by ").append(r.attestation().reviewer())
          .append(" on ").append(r.attestation().date()).append(r.attested() ? "" : " (not applied: automated checks decide)")
          .append('\n');
      r.attestation().evidence().forEach(ev -> out.append("  reviewed: ").append(ev).append('\n'));
      if (r.attestation().note() != null) {
        out.append("  note: ").append(r.attestation().note()).append('\n');
      }
    }
    r.evidence().forEach(ev -> out.append("evidence: ").append(ev).append('\n'));
    for (Finding f : findings) {
      if (f.status() == Status.WAIVED) {
        out.append("waived: ").append(describe(f)).append(" -- ").append(f.waiver().justification())
            .append(" (approved by ").append(f.waiver().approver()).append(", expires ").append(f.waiver().expires())
            .append(")\n");
      }
    }
    if (r.isOpen() || r.status() == Status.NOT_ASSESSED) {
      r.toCollect().forEach(c -> out.append("to collect: ").append(c).append('\n'));
    }
    JUnitXml.Problem failure = null;
    JUnitXml.Problem error = null;
    JUnitXml.Skipped skipped = null;
    switch (r.status()) {
      case FAIL -> {
        List<Finding> failing = findings.stream().filter(f -> f.status() == Status.FAIL).toList();
        StringBuilder text = new StringBuilder();
        failing.forEach(f -> text.append(describe(f)).append('\n'));
        String message = r.attested() && failing.isEmpty()
            ? "attested FAIL by " + r.attestation().reviewer()
            : failing.size() + (failing.size() == 1 ? " finding" : " findings");
        failure = new JUnitXml.Problem(message, "FAIL", text.length() == 0 ? null : text.toString());
      }
      case NOT_ASSESSED -> error = new JUnitXml.Problem("NOT_ASSESSED: " + nullToEmpty(r.reason()), "NOT_ASSESSED",
          null);
      case MANUAL -> skipped = new JUnitXml.Skipped("MANUAL: " + nullToEmpty(r.reason()));
      case NOT_APPLICABLE -> skipped = new JUnitXml.Skipped("NOT_APPLICABLE: " + nullToEmpty(r.reason()));
      case PASS, WAIVED -> { }
    }
    return new JUnitXml.TestCase(name, classname, failure, error, skipped, out.toString());
  }

  private static String describe(Finding f) {
    StringBuilder sb = new StringBuilder();
    sb.append(f.severity()).append(' ').append(f.rule()).append(' ').append(f.name()).append(": ")
        .append(f.resource() == null ? "cluster" : f.resource().displayName());
    if (f.source() != null) {
      sb.append(" (").append(f.source().describe()).append(')');
    }
    sb.append(": ").append(f.message());
    if (!f.path().isRoot()) {
      sb.append(" [").append(f.path()).append(" = ").append(f.observed()).append(']');
    }
    return sb.toString();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
