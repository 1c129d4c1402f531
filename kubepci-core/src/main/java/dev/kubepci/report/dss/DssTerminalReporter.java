package dev.kubepci.report.dss;

import static dev.kubepci.report.Printable.text;

import dev.kubepci.report.DocumentReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.result.ScanOutcome;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The terminal report organised by PCI DSS requirement ({@code scan --group-by dss}): under each requirement, the
 * practices that support it with their verdicts and why they support it, then the findings of those practices. A
 * finding appears under every requirement its practices support. Plain text, no colour; text from the input is
 * escaped ({@link dev.kubepci.report.Printable}).
 */
public final class DssTerminalReporter extends DocumentReporter<String> {
  public DssTerminalReporter() {
    super("terminal", DssTerminalReporter::render, TEXT);
  }

  public static String render(AssessmentReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append(report.toolName()).append(' ').append(report.toolVersion()).append(" - ").append(report.frameworkTitle())
        .append(" v").append(report.frameworkVersion()).append(", by ").append(DssGroups.standard(report))
        .append(" requirement\n");
    sb.append("Input: ").append(text(String.join(", ", report.inputs()))).append(" (")
        .append(ScanOutcome.count(report.objects(), "object")).append(")\n");
    sb.append(DssGroups.require(report).statement()).append("\n");
    for (DssGroups.Group g : DssGroups.of(report)) {
      sb.append("\nDSS ").append(g.id()).append("  ").append(g.title()).append("\n");
      sb.append("    practices: ").append(g.counts().entrySet().stream().filter(e -> e.getValue() > 0)
          .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "))).append("\n");
      for (DssGroups.Entry e : g.practices()) {
        sb.append(String.format(Locale.ROOT, "  %-5s %-14s %s%s%n", e.practice().id(), e.practice().status().name(),
            e.practice().title(), e.practice().attested() ? "  (attested)" : ""));
        sb.append("        why: ").append(e.rationale()).append("\n");
      }
      long failing = g.findings().stream().filter(f -> f.status() == Status.FAIL).count();
      if (!g.findings().isEmpty()) {
        sb.append("    findings: ").append(failing).append(" failing, ").append(g.findings().size() - failing)
            .append(" waived\n");
      }
      for (Finding f : g.findings()) {
        sb.append(String.format(Locale.ROOT, "    %-9s %s %s  [%s]  %s%n",
            f.status() == Status.WAIVED ? "WAIVED" : f.severity().name(), f.rule(), f.name(),
            String.join(", ", f.requirements()), f.resource() == null ? "cluster" : text(f.resource().displayName())));
        sb.append("        ").append(text(f.message())).append("\n");
        if (!f.path().isRoot()) {
          sb.append("        ").append(text(f.path().toString())).append(" = ").append(text(String.valueOf(f.observed())))
              .append("\n");
        }
      }
    }
    sb.append("\nSummary: ").append(report.requirements().size()).append(" practices: ")
        .append(report.requirementCounts().entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", ")))
        .append("; ").append(report.findings().stream().filter(f -> f.status() == Status.FAIL).count())
        .append(" failing findings; ").append(report.errors().size()).append(" input errors\n");
    return sb.toString();
  }
}
