package dev.kubepci.report.markdown;

import dev.kubepci.report.Printable;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.report.dss.DssGroups;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.Status;
import dev.kubepci.result.WaiverResult;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.result.ScanOutcome;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GitHub-flavoured Markdown for pull requests and issues: a summary line, the areas with their practices, the
 * failing findings (the first {@link #MAX_FINDINGS}), waivers, attestations, the open manual practices, the rules'
 * tables and input errors. Long lists are cut so that the comment stays within what code hosts accept.
 */
public final class MarkdownReporter extends DocumentReporter<String> {
  public static final int MAX_FINDINGS = 50;
  public static final int MAX_TABLE_ROWS = 30;

  /** The report organised by the guidance's areas. */
  public MarkdownReporter() {
    this(false);
  }

  /**
   * @param byDss organise practices and findings by the PCI DSS requirements of the report's cross-reference
   */
  public MarkdownReporter(boolean byDss) {
    super("markdown", byDss ? MarkdownReporter::renderByDss : MarkdownReporter::render, TEXT);
  }

  /** The report with practices and findings filed under the PCI DSS requirements they support. */
  public static String renderByDss(AssessmentReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(report.toolName()).append(": ").append(report.frameworkTitle()).append(" v")
        .append(report.frameworkVersion()).append(", by ").append(DssGroups.standard(report)).append(" requirement\n\n");
    summary(report, sb);
    sb.append("> ").append(text(DssGroups.require(report).statement())).append("\n\n");
    for (DssGroups.Group g : DssGroups.of(report)) {
      sb.append("### DSS ").append(g.id()).append(": ").append(text(g.title())).append("\n\n")
          .append("| Practice | Status | Why it supports ").append(g.id()).append(" |\n|---|---|---|\n");
      for (DssGroups.Entry e : g.practices()) {
        sb.append("| ").append(e.practice().id()).append(' ').append(cell(e.practice().title())).append(" | ")
            .append(badge(e.practice().status())).append(e.practice().attested() ? " (attested)" : "").append(" | ")
            .append(cell(e.rationale())).append(" |\n");
      }
      sb.append('\n');
      if (!g.findings().isEmpty()) {
        findingRows(g.findings(), sb);
        sb.append('\n');
      }
    }
    waivers(report, sb);
    attested(report, sb);
    open(report, sb);
    errors(report, sb);
    ruleErrors(report, sb);
    footer(report, sb);
    return sb.toString();
  }

  public static String render(AssessmentReport report) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(report.toolName()).append(": ").append(report.frameworkTitle()).append(" v")
        .append(report.frameworkVersion()).append("\n\n");
    summary(report, sb);
    areas(report, sb);
    findings(report, sb);
    waivers(report, sb);
    attested(report, sb);
    open(report, sb);
    tables(report, sb);
    errors(report, sb);
    ruleErrors(report, sb);
    footer(report, sb);
    return sb.toString();
  }

  private static void footer(AssessmentReport report, StringBuilder sb) {
    sb.append("<sub>").append(report.toolName()).append(' ').append(report.toolVersion()).append(", ")
        .append(report.generatedAt()).append(", input: ").append(cell(String.join(", ", report.inputs())))
        .append(" (").append(ScanOutcome.count(report.objects(), "object")).append(")</sub>\n");
  }

  private static void summary(AssessmentReport report, StringBuilder sb) {
    String practices = report.requirementCounts().entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
    Map<Severity, Integer> sev = report.findingCounts();
    int failing = sev.values().stream().mapToInt(Integer::intValue).sum();
    String bySeverity = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)
        .stream().filter(s -> sev.get(s) > 0).map(s -> sev.get(s) + " " + s.label())
        .collect(Collectors.joining(", "));
    long waived = report.findings().stream().filter(f -> f.status() == Status.WAIVED).count();
    sb.append("**").append(report.requirements().size()).append(" practices:** ").append(practices).append("  \n");
    sb.append("**").append(failing).append(failing == 1 ? " failing finding" : " failing findings").append("**")
        .append(failing > 0 ? " (" + bySeverity + ")" : "").append(", ").append(waived).append(" waived, ")
        .append(report.errors().size()).append(report.errors().size() == 1 ? " input error" : " input errors")
        .append("  \n");
    sb.append("**Manual practices:** ").append(report.attestedPractices().size()).append(" attested, ")
        .append(report.openPractices().size()).append(" open\n\n");
  }

  private static void areas(AssessmentReport report, StringBuilder sb) {
    sb.append("| Area | Status | Practices |\n|---|---|---|\n");
    for (AreaResult a : report.areas()) {
      String practices = a.requirements().stream()
          .map(r -> r.id() + " " + badge(r.status()) + (r.attested() ? " (attested)" : "")
              + (r.findings() > 0 ? " (" + r.findings() + ")" : ""))
          .collect(Collectors.joining("<br>"));
      sb.append("| ").append(a.id()).append(". ").append(cell(a.title())).append(" | ").append(badge(a.status()))
          .append(" | ").append(practices).append(" |\n");
    }
    sb.append('\n');
  }

  private static void findings(AssessmentReport report, StringBuilder sb) {
    List<Finding> failing = report.findings().stream().filter(f -> f.status() == Status.FAIL).toList();
    sb.append("### Findings\n\n");
    if (failing.isEmpty()) {
      sb.append("No failing findings.\n\n");
      return;
    }
    findingRows(failing.subList(0, Math.min(MAX_FINDINGS, failing.size())), sb);
    if (failing.size() > MAX_FINDINGS) {
      sb.append("\n").append(failing.size() - MAX_FINDINGS)
          .append(" more failing findings are in the JSON, SARIF, CSV and HTML reports.\n");
    }
    sb.append('\n');
  }

  /** A findings table; waived findings are marked as such. */
  private static void findingRows(List<Finding> findings, StringBuilder sb) {
    sb.append("| Severity | Rule | Practices | Object | Source | Finding | Field = value |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (Finding f : findings) {
      sb.append("| ").append(f.severity().name()).append(f.status() == Status.WAIVED ? " WAIVED" : "").append(" | ")
          .append(f.rule()).append(' ').append(f.name())
          .append(" | ").append(String.join(", ", f.requirements())).append(" | ")
          .append(f.resource() == null ? "cluster" : code(f.resource().displayName())).append(" | ")
          .append(f.source() == null ? "" : cell(f.source().describe())).append(" | ").append(cell(f.message()))
          .append(" | ").append(f.path().isRoot() ? "" : code(f.path() + " = " + f.observed())).append(" |\n");
    }
  }

  private static void waivers(AssessmentReport report, StringBuilder sb) {
    List<Finding> waived = report.findings().stream().filter(f -> f.status() == Status.WAIVED).toList();
    if (!waived.isEmpty()) {
      sb.append("### Waived findings\n\n| Severity | Rule | Object | Finding | Waiver | Justification |\n")
          .append("|---|---|---|---|---|---|\n");
      for (Finding f : waived.subList(0, Math.min(MAX_FINDINGS, waived.size()))) {
        sb.append("| ").append(f.severity().name()).append(" | ").append(f.rule()).append(' ').append(f.name())
            .append(" | ").append(f.resource() == null ? "cluster" : code(f.resource().displayName())).append(" | ")
            .append(cell(f.message())).append(" | WAIVED: ").append(cell(f.waiver().label())).append(" | ")
            .append(cell(f.waiver().justification())).append(" |\n");
      }
      if (waived.size() > MAX_FINDINGS) {
        sb.append("\n").append(waived.size() - MAX_FINDINGS).append(" more waived findings are in the other reports.\n");
      }
      sb.append('\n');
    }
    if (report.waivers().isEmpty()) {
      return;
    }
    sb.append("### Waivers\n\n| Waiver | State | Covers | Findings | Approver | Expires | Justification |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (WaiverResult w : report.waivers()) {
      String covers = (w.waiver().rule() != null ? w.waiver().rule() : "practice " + w.waiver().practice())
          + (w.waiver().scope() == null ? "" : " " + w.waiver().scope().describe());
      sb.append("| ").append(cell(w.waiver().label())).append(" | ").append(w.state())
          .append(w.problem() == null ? "" : ": " + cell(w.problem())).append(" | ").append(cell(covers)).append(" | ")
          .append(w.matched()).append(" | ").append(cell(nullToEmpty(w.waiver().approver()))).append(" | ")
          .append(w.waiver().expires() == null ? "" : w.waiver().expires()).append(" | ")
          .append(cell(nullToEmpty(w.waiver().justification()))).append(" |\n");
    }
    sb.append('\n');
  }

  private static void attested(AssessmentReport report, StringBuilder sb) {
    List<RequirementResult> withAttestation = report.requirements().stream()
        .filter(r -> r.attestation() != null).toList();
    if (withAttestation.isEmpty()) {
      return;
    }
    sb.append("### Attestations\n\n| Practice | Verdict | Reviewer | Date | Evidence reviewed | Note |\n")
        .append("|---|---|---|---|---|---|\n");
    for (RequirementResult r : withAttestation) {
      var a = r.attestation();
      sb.append("| ").append(r.id()).append(' ').append(cell(r.title())).append(" | ").append(a.verdict())
          .append(r.attested() ? "" : " (not applied: automated result " + r.status() + ")").append(" | ")
          .append(cell(a.reviewer())).append(" | ").append(a.date()).append(" | ")
          .append(a.evidence().stream().map(MarkdownReporter::cell).collect(Collectors.joining("<br>")))
          .append(" | ").append(cell(nullToEmpty(a.note()))).append(" |\n");
    }
    sb.append('\n');
  }

  private static void open(AssessmentReport report, StringBuilder sb) {
    List<RequirementResult> open = report.openPractices();
    if (open.isEmpty()) {
      return;
    }
    sb.append("### Open manual practices (").append(open.size()).append(")\n\n");
    sb.append("<details><summary>Evidence an assessor still has to collect</summary>\n\n");
    for (RequirementResult r : open) {
      sb.append("- [ ] **").append(r.id()).append("** ").append(text(r.title())).append('\n');
      for (String c : r.toCollect()) {
        sb.append("  - ").append(text(c)).append('\n');
      }
    }
    sb.append("\n</details>\n\n");
  }

  private static void tables(AssessmentReport report, StringBuilder sb) {
    for (Table t : report.tables()) {
      sb.append("### ").append(text(t.title())).append("\n\n| ")
          .append(t.columns().stream().map(MarkdownReporter::cell).collect(Collectors.joining(" | "))).append(" |\n|")
          .append("---|".repeat(t.columns().size())).append('\n');
      for (List<String> row : t.rows().subList(0, Math.min(MAX_TABLE_ROWS, t.rows().size()))) {
        sb.append("| ").append(row.stream().map(MarkdownReporter::cell).collect(Collectors.joining(" | ")))
            .append(" |\n");
      }
      if (t.rows().size() > MAX_TABLE_ROWS) {
        sb.append("\n").append(t.rows().size() - MAX_TABLE_ROWS).append(" more rows are in the JSON and HTML reports.\n");
      }
      sb.append('\n');
    }
  }

  private static void errors(AssessmentReport report, StringBuilder sb) {
    if (report.errors().isEmpty()) {
      return;
    }
    sb.append("### Input errors (").append(report.errors().size()).append(")\n\n");
    for (ProcessingError e : report.errors()) {
      sb.append("- ").append(code(e.source().describe())).append(": ").append(text(e.message())).append('\n');
    }
    sb.append('\n');
  }

  private static void ruleErrors(AssessmentReport report, StringBuilder sb) {
    if (report.ruleErrors().isEmpty()) {
      return;
    }
    sb.append("### Rule errors (").append(report.ruleErrors().size()).append(")\n\n")
        .append("A bug in kubepci: these rules are ERROR and the practices they decide cannot pass.\n\n");
    for (dev.kubepci.result.RuleError e : report.ruleErrors()) {
      sb.append("- ").append(text(e.describe()));
      if (e.source() != null) {
        sb.append(" (").append(code(e.source().describe())).append(')');
      }
      sb.append('\n');
    }
    sb.append('\n');
  }

  static String badge(Status s) {
    return switch (s) {
      case FAIL -> "**FAIL**";
      case PASS -> "PASS";
      default -> s.name();
    };
  }

  /** Text safe inside a table cell: pipes escaped, line breaks as {@code <br>}, markup characters escaped. */
  static String cell(String s) {
    return text(s).replace("|", "\\|");
  }

  /** Text that renders literally: HTML and emphasis characters escaped. */
  static String text(String s) {
    return Printable.text(s).replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*")
        .replace("_", "\\_").replace("`", "\\`").replace("[", "\\[").replace("]", "\\]");
  }

  /** An inline code span that holds any text: the fence is longer than any run of backticks inside. */
  static String code(String s) {
    String clean = Printable.text(s).replace("|", "\\|");
    String fence = clean.contains("`") ? "``" : "`";
    return fence + (fence.length() > 1 ? " " + clean + " " : clean) + fence;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
