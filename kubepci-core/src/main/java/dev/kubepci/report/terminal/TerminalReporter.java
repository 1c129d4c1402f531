package dev.kubepci.report.terminal;

import dev.kubepci.report.Reporter;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleError;
import dev.kubepci.result.Status;
import dev.kubepci.result.Table;
import dev.kubepci.rule.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report for people at a terminal: the 16 areas in order with each practice's verdict, the findings that
 * matter most with object and field, the evidence still to collect, and a summary line. Colour only when asked.
 */
public final class TerminalReporter implements Reporter {
  private static final int WIDTH = 100;

  /** How the terminal report looks. */
  public record Options(boolean color, int maxFindings) {
    public static final Options PLAIN = new Options(false, 25);
  }

  private final Options options;

  public TerminalReporter(Options options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "terminal";
  }

  @Override
  public void write(AssessmentReport report, OutputStream out) throws IOException {
    out.write(render(report).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  public String render(AssessmentReport report) {
    StringBuilder sb = new StringBuilder();
    header(report, sb);
    areas(report, sb);
    tables(report, sb);
    findings(report, sb);
    waived(report, sb);
    attestations(report, sb);
    manual(report, sb);
    errors(report, sb);
    ruleErrors(report, sb);
    skipped(report, sb);
    summary(report, sb);
    return sb.toString();
  }

  private void header(AssessmentReport report, StringBuilder sb) {
    sb.append(bold(report.toolName() + " " + report.toolVersion())).append(" - ")
        .append(report.frameworkTitle()).append(" v").append(report.frameworkVersion()).append('\n');
    sb.append("Input: ").append(String.join(", ", report.inputs())).append(" (").append(report.objects())
        .append(" objects");
    if (report.cluster() != null && report.cluster().gitVersion() != null) {
      sb.append(", Kubernetes ").append(report.cluster().gitVersion());
    }
    sb.append(")\n\n");
  }

  private void areas(AssessmentReport report, StringBuilder sb) {
    for (AreaResult area : report.areas()) {
      String title = area.id() + ". " + area.title();
      sb.append(bold(pad(title, WIDTH - 16))).append(statusLabel(area.status())).append('\n');
      for (RequirementResult r : area.requirements()) {
        String line = "   " + r.id() + " " + r.title();
        sb.append(pad(truncate(line, WIDTH - 17), WIDTH - 16)).append(statusLabel(r.status()));
        if (r.findings() > 0) {
          sb.append("  ").append(r.findings()).append(r.findings() == 1 ? " finding" : " findings");
        }
        if (r.attested()) {
          sb.append("  attested");
        }
        sb.append('\n');
        if (r.status() == Status.NOT_ASSESSED && r.reason() != null) {
          sb.append(dim("         not assessed: " + r.reason())).append('\n');
        }
      }
    }
    sb.append('\n');
  }

  private void tables(AssessmentReport report, StringBuilder sb) {
    for (Table t : report.tables()) {
      sb.append(bold(t.title())).append('\n');
      int[] widths = new int[t.columns().size()];
      List<List<String>> shown = t.rows().subList(0, Math.min(t.rows().size(), options.maxFindings()));
      for (int i = 0; i < widths.length; i++) {
        widths[i] = t.columns().get(i).length();
        for (List<String> row : shown) {
          widths[i] = Math.min(Math.max(widths[i], row.get(i).length()), 60);
        }
      }
      sb.append("  ").append(dim(row(t.columns(), widths))).append('\n');
      for (List<String> row : shown) {
        sb.append("  ").append(row(row, widths)).append('\n');
      }
      if (shown.size() < t.rows().size()) {
        sb.append(dim("  ... " + (t.rows().size() - shown.size()) + " more rows (--format json lists all)")).append('\n');
      }
      sb.append('\n');
    }
  }

  private static String row(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = truncate(cells.get(i), widths[i]);
      line.append(i + 1 < cells.size() ? pad(cell, widths[i] + 1) : cell);
    }
    return line.toString().stripTrailing();
  }

  private void findings(AssessmentReport report, StringBuilder sb) {
    List<Finding> failing = report.findings().stream().filter(f -> f.status() == Status.FAIL).toList();
    if (failing.isEmpty()) {
      sb.append(bold("Findings")).append(": none\n\n");
      return;
    }
    int shown = Math.min(failing.size(), options.maxFindings());
    sb.append(bold("Findings")).append(" (most severe first");
    if (shown < failing.size()) {
      sb.append(", ").append(shown).append(" of ").append(failing.size()).append("; --format json lists all");
    }
    sb.append(")\n");
    for (Finding f : failing.subList(0, shown)) {
      sb.append("  ").append(severityLabel(f.severity())).append(' ').append(f.rule()).append(' ').append(f.name())
          .append("  [").append(String.join(", ", f.requirements())).append("]\n");
      sb.append("      ").append(f.resource() == null ? "cluster" : f.resource().displayName());
      if (!"unscoped".equals(f.scope())) {
        sb.append(" [").append(f.scope()).append(']');
      }
      if (f.source() != null) {
        sb.append(dim("  (" + f.source().describe() + ")"));
      }
      sb.append('\n');
      sb.append("      ").append(f.message()).append('\n');
      if (!f.path().isEmpty()) {
        sb.append(dim("      " + f.path() + " = " + f.observed())).append('\n');
      }
    }
    sb.append('\n');
  }

  private void waived(AssessmentReport report, StringBuilder sb) {
    List<Finding> waived = report.findings().stream().filter(f -> f.status() == Status.WAIVED).toList();
    if (waived.isEmpty()) {
      return;
    }
    sb.append(bold("Waived findings")).append(" (").append(waived.size()).append(")\n");
    for (Finding f : waived.subList(0, Math.min(waived.size(), options.maxFindings()))) {
      sb.append("  ").append(statusLabel(Status.WAIVED)).append(f.rule()).append(' ').append(f.name()).append("  ")
          .append(f.resource() == null ? "cluster" : f.resource().displayName()).append('\n');
      if (f.waiver() != null) {
        sb.append("      ").append(f.waiver().justification()).append('\n');
        sb.append(dim("      waiver " + f.waiver().label() + ", approved by " + f.waiver().approver() + ", expires "
            + f.waiver().expires())).append('\n');
      }
    }
    if (waived.size() > options.maxFindings()) {
      sb.append(dim("  ... " + (waived.size() - options.maxFindings()) + " more (--format json lists all)")).append('\n');
    }
    sb.append('\n');
  }

  private void attestations(AssessmentReport report, StringBuilder sb) {
    List<RequirementResult> attested = report.requirements().stream().filter(r -> r.attestation() != null).toList();
    if (attested.isEmpty()) {
      return;
    }
    sb.append(bold("Attestations")).append(" (").append(report.attestedPractices().size()).append(" decided, ")
        .append(report.openPractices().size()).append(" manual practices still open)\n");
    for (RequirementResult r : attested) {
      var a = r.attestation();
      sb.append("  ").append(r.id()).append(' ').append(a.verdict()).append(" by ").append(a.reviewer()).append(" on ")
          .append(a.date());
      if (!r.attested()) {
        sb.append(dim(" (not applied: the automated checks decide " + r.status() + ")"));
      }
      sb.append('\n');
      if (a.note() != null) {
        sb.append("      ").append(a.note()).append('\n');
      }
    }
    sb.append('\n');
  }

  private void manual(AssessmentReport report, StringBuilder sb) {
    List<RequirementResult> open = report.requirements().stream()
        .filter(r -> r.status() == Status.MANUAL || r.status() == Status.NOT_ASSESSED)
        .filter(r -> !r.toCollect().isEmpty())
        .toList();
    if (open.isEmpty()) {
      return;
    }
    sb.append(bold("Evidence to collect")).append(" (").append(open.size()).append(" practices)\n");
    for (RequirementResult r : open) {
      sb.append("  ").append(r.id()).append(' ').append(r.title()).append('\n');
      for (String e : r.toCollect()) {
        sb.append("    - ").append(e).append('\n');
      }
    }
    sb.append('\n');
  }

  private void errors(AssessmentReport report, StringBuilder sb) {
    if (report.errors().isEmpty()) {
      return;
    }
    sb.append(color("31", bold("Input errors"))).append(" (").append(report.errors().size())
        .append("; these objects were not assessed)\n");
    for (ProcessingError e : report.errors()) {
      sb.append("  ").append(e.describe()).append('\n');
    }
    sb.append('\n');
  }

  private void ruleErrors(AssessmentReport report, StringBuilder sb) {
    if (report.ruleErrors().isEmpty()) {
      return;
    }
    sb.append(color("31", bold("Rule errors"))).append(" (").append(report.ruleErrors().size())
        .append("; a bug in kubepci: these rules are ERROR and their practices cannot pass; run with --debug)\n");
    for (RuleError e : report.ruleErrors()) {
      sb.append("  ").append(e.describe());
      if (e.source() != null) {
        sb.append(" (").append(e.source().describe()).append(')');
      }
      sb.append('\n');
    }
    sb.append('\n');
  }

  private void skipped(AssessmentReport report, StringBuilder sb) {
    if (report.skipped().isEmpty()) {
      return;
    }
    sb.append(bold("Skipped")).append(" (").append(report.skipped().size())
        .append(" document(s) that are not Kubernetes objects)\n");
    for (ProcessingError e : report.skipped()) {
      sb.append("  ").append(e.describe()).append('\n');
    }
    sb.append('\n');
  }

  private void summary(AssessmentReport report, StringBuilder sb) {
    Map<Status, Integer> counts = report.requirementCounts();
    String statuses = counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
    Map<Severity, Integer> sev = report.findingCounts();
    int total = sev.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder bySeverity = new StringBuilder();
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
      if (sev.get(s) > 0) {
        bySeverity.append(bySeverity.length() == 0 ? "" : ", ").append(sev.get(s)).append(' ').append(s.label());
      }
    }
    sb.append(bold("Summary: ")).append(report.requirements().size()).append(" practices: ").append(statuses)
        .append("; ").append(total).append(total == 1 ? " finding" : " findings");
    if (total > 0) {
      sb.append(" (").append(bySeverity).append(')');
    }
    sb.append("; ").append(report.errors().size()).append(report.errors().size() == 1 ? " input error" : " input errors");
    if (!report.ruleErrors().isEmpty()) {
      sb.append("; ").append(report.ruleErrors().size())
          .append(report.ruleErrors().size() == 1 ? " rule error" : " rule errors");
    }
    if (!report.skipped().isEmpty()) {
      sb.append("; ").append(report.skipped().size()).append(" skipped");
    }
    sb.append('\n');
    Map<String, Integer> scopes = report.findingCountsByScope();
    if (!scopes.isEmpty() && !scopes.keySet().equals(java.util.Set.of("unscoped"))) {
      StringBuilder byScope = new StringBuilder();
      for (String scope : List.of("cde", "connected", "shared", "out-of-scope", "unscoped")) {
        if (scopes.containsKey(scope)) {
          byScope.append(byScope.length() == 0 ? "" : ", ").append(scopes.get(scope)).append(' ').append(scope);
        }
      }
      sb.append(bold("Findings by scope: ")).append(byScope).append('\n');
    }
  }

  private String statusLabel(Status s) {
    String text = pad(s.name(), 14);
    return switch (s) {
      case PASS -> color("32", text);
      case FAIL -> color("31;1", text);
      case NOT_ASSESSED -> color("35", text);
      case MANUAL -> color("33", text);
      case WAIVED -> color("36", text);
      case NOT_APPLICABLE -> dim(text);
      case ERROR -> color("31;1", text);
    };
  }

  private String severityLabel(Severity s) {
    String text = pad(s.name(), 8);
    return switch (s) {
      case CRITICAL -> color("31;1", text);
      case HIGH -> color("31", text);
      case MEDIUM -> color("33", text);
      default -> text;
    };
  }

  private String bold(String s) {
    return color("1", s);
  }

  private String dim(String s) {
    return color("2", s);
  }

  private String color(String code, String s) {
    return options.color() ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String truncate(String s, int width) {
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 3)) + "...";
  }
}
