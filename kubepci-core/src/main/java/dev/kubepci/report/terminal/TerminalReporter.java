package dev.kubepci.report.terminal;

import static dev.kubepci.report.Printable.text;

import dev.kubepci.model.ScopeZone;
import dev.kubepci.report.Reporter;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.ScanOutcome;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleError;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report for people at a terminal, short enough to read without scrolling: a header (input, scope, cluster),
 * the 16 areas with their verdicts, the findings that matter most (most severe first, then the CDE first), and the
 * summary with the reason for the exit code. The practices one by one, the rules' fact tables, every finding and
 * the evidence still to collect are shown on request ({@link Section}). Every line fits the width given; text from
 * the input is escaped ({@link dev.kubepci.report.Printable}). Colour only when asked.
 */
public final class TerminalReporter implements Reporter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  /** Where scopes sort among findings of one severity: the cardholder data environment first. */
  private static final List<String> SCOPES = java.util.Arrays.stream(ScopeZone.values()).map(ScopeZone::label).toList();
  private static final int INDENT = 2;
  /** Input errors shown before the rest is left to {@code --details}. */
  private static final int ERRORS_SHOWN = 5;

  /** The parts of the report shown only when asked for ({@code --details} shows them all). */
  public enum Section {
    /** Every practice with its verdict and, when not assessed, why. */
    PRACTICES,
    /** The rules' fact tables. */
    FACTS,
    /** Every failing and waived finding, and every input error. */
    FINDINGS,
    /** Attestations and the evidence an assessor must still collect. */
    EVIDENCE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The section a user names ({@code facts}, {@code findings} ...). */
    public static Section parse(String s) {
      for (Section v : values()) {
        if (v.label().equalsIgnoreCase(s.strip())) {
          return v;
        }
      }
      throw new IllegalArgumentException("unknown section '" + s + "' (expected one of "
          + java.util.Arrays.stream(values()).map(Section::label).collect(Collectors.joining(", ")) + ")");
    }
  }

  /**
   * How the terminal report looks.
   *
   * @param width the terminal's width in columns (60 at least); every line fits it
   * @param show the sections shown besides the summary
   * @param topFindings how many findings the short report shows
   * @param failOn the {@code --fail-on} threshold the exit code follows, null for none
   */
  public record Options(boolean color, int width, Set<Section> show, int topFindings, Severity failOn) {
    public static final int DEFAULT_WIDTH = 100;
    /** The short report, 100 columns, no colour. */
    public static final Options PLAIN = new Options(false, DEFAULT_WIDTH, Set.of(), 10, Severity.HIGH);
    /** Every section, 100 columns, no colour. */
    public static final Options DETAILS = PLAIN.showing(EnumSet.allOf(Section.class));

    public Options {
      show = show.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(show));
      width = Math.max(60, width);
    }

    public Options showing(Set<Section> sections) {
      return new Options(color, width, sections, topFindings, failOn);
    }

    public Options withFailOn(Severity threshold) {
      return new Options(color, width, show, topFindings, threshold);
    }

    public Options withWidth(int columns) {
      return new Options(color, columns, show, topFindings, failOn);
    }
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
    if (shows(Section.PRACTICES)) {
      practices(report, sb);
    }
    if (shows(Section.FACTS)) {
      tables(report, sb);
    }
    findings(report, sb);
    if (shows(Section.FINDINGS)) {
      waived(report, sb);
    }
    if (shows(Section.EVIDENCE)) {
      attestations(report, sb);
      manual(report, sb);
    }
    errors(report, sb);
    ruleErrors(report, sb);
    skipped(report, sb);
    summary(report, sb);
    return sb.toString();
  }

  /** A section's heading, wrapped to the width, its first line in bold. */
  private void heading(StringBuilder sb, String heading) {
    List<String> lines = TextLayout.wrap(heading, width() - 2, Integer.MAX_VALUE);
    sb.append(bold(lines.get(0))).append('\n');
    lines.subList(1, lines.size()).forEach(l -> sb.append("  ").append(l).append('\n'));
  }

  private boolean shows(Section s) {
    return options.show().contains(s);
  }

  private int width() {
    return options.width();
  }

  private void header(AssessmentReport report, StringBuilder sb) {
    sb.append(bold(TextLayout.truncate(report.toolName() + " " + report.toolVersion() + " - "
        + report.frameworkTitle() + " v" + report.frameworkVersion(), width()))).append('\n');
    line(sb, "Input:", text(String.join(", ", report.inputs())) + " (" + ScanOutcome.count(report.objects(), "object") + ")");
    line(sb, "Scope:", report.basis().scope() == null
        ? "no CDE scope declared (--config): every finding is unscoped"
        : text(report.basis().scope()));
    List<String> cluster = new ArrayList<>();
    if (report.cluster() != null) {
      if (report.cluster().name() != null) {
        cluster.add(text(report.cluster().name()));
      }
      if (report.cluster().gitVersion() != null) {
        cluster.add("Kubernetes " + text(report.cluster().gitVersion()));
      }
      if (report.cluster().provider() != null) {
        cluster.add(text(report.cluster().provider()));
      }
    }
    line(sb, "Cluster:", cluster.isEmpty() ? "not known from the input" : String.join(", ", cluster));
    line(sb, "Time:", TIME.format(report.generatedAt()));
    sb.append('\n');
  }

  private void line(StringBuilder sb, String label, String value) {
    sb.append(TextLayout.hanging(TextLayout.pad(label, 9), 9, value, width()));
  }

  /** One row per area: its verdict, its practices by status with their numbers, its findings. */
  private void areas(AssessmentReport report, StringBuilder sb) {
    List<String> header = List.of("VERDICT", "AREA", "PRACTICES", "FINDINGS");
    List<List<String>> rows = new ArrayList<>();
    for (AreaResult area : report.areas()) {
      int findings = area.requirements().stream().mapToInt(RequirementResult::findings).sum();
      rows.add(List.of(area.status().name(), area.id() + ". " + area.title(), practicesByStatus(area),
          findings == 0 ? "-" : Integer.toString(findings)));
    }
    int[] widths = TextLayout.columnWidths(header, rows, Integer.MAX_VALUE, INDENT);
    // the practices column keeps 50 columns when it can; the area names give way down to 30, then both
    int others = INDENT + widths[0] + widths[3] + 3 * 2;
    widths[1] = Math.min(widths[1], Math.max(30, width() - others - 50));
    widths[2] = Math.max(12, Math.min(widths[2], width() - others - widths[1]));
    widths[1] = Math.max(8, Math.min(widths[1], width() - others - widths[2]));
    sb.append(dim(TextLayout.row(header, widths, INDENT, 1).get(0))).append('\n');
    for (List<String> row : rows) {
      List<String> lines = TextLayout.row(row, widths, INDENT, 3);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (i == 0) {
          int end = Math.min(l.length(), INDENT + widths[0]);
          l = l.substring(0, INDENT) + statusColor(Status.valueOf(row.get(0)), l.substring(INDENT, end))
              + l.substring(end);
        }
        sb.append(l).append('\n');
      }
    }
    sb.append('\n');
  }

  /** {@code FAIL 1.1 1.3; MANUAL 1.2; 1 PASS}: worst first, by number except for PASS and NOT_APPLICABLE. */
  private static String practicesByStatus(AreaResult area) {
    List<String> parts = new ArrayList<>();
    for (Status s : List.of(Status.FAIL, Status.NOT_ASSESSED, Status.MANUAL, Status.WAIVED, Status.PASS,
        Status.NOT_APPLICABLE)) {
      List<String> ids = area.requirements().stream().filter(r -> r.status() == s).map(RequirementResult::id).toList();
      if (!ids.isEmpty()) {
        boolean named = s != Status.PASS && s != Status.NOT_APPLICABLE;
        parts.add(named ? s.name() + " " + String.join(" ", ids) : ids.size() + " " + s.name());
      }
    }
    return String.join("; ", parts);
  }

  private void practices(AssessmentReport report, StringBuilder sb) {
    heading(sb, "Practices");
    for (AreaResult area : report.areas()) {
      sb.append(bold(TextLayout.truncate("  " + area.id() + ". " + text(area.title()), width()))).append('\n');
      for (RequirementResult r : area.requirements()) {
        StringBuilder title = new StringBuilder(r.id()).append(' ').append(text(r.title()));
        if (r.findings() > 0) {
          title.append(" (").append(r.findings()).append(r.findings() == 1 ? " finding" : " findings")
              .append(r.attested() ? ", attested)" : ")");
        } else if (r.attested()) {
          title.append(" (attested)");
        }
        String status = TextLayout.pad(r.status().name(), 15);
        List<String> lines = TextLayout.wrap(title.toString(), width() - 4 - status.length(), Integer.MAX_VALUE);
        sb.append("    ").append(statusColor(r.status(), status)).append(lines.get(0)).append('\n');
        lines.subList(1, lines.size()).forEach(l -> sb.append(" ".repeat(4 + status.length())).append(l).append('\n'));
        if (r.status() == Status.NOT_ASSESSED && r.reason() != null) {
          String indent = " ".repeat(4 + 15);
          sb.append(dim(TextLayout.hanging(indent + "not assessed: ", indent.length() + 2, text(r.reason()), width())
              .stripTrailing()))
              .append('\n');
        }
      }
    }
    sb.append('\n');
  }

  /** The rules' tables: empty ones left out, a table or row seen before printed once. */
  private void tables(AssessmentReport report, StringBuilder sb) {
    Set<Table> seen = new LinkedHashSet<>();
    for (Table t : report.tables()) {
      List<List<String>> rows = new ArrayList<>(new LinkedHashSet<>(t.rows().stream()
          .map(r -> r.stream().map(c -> text(c == null ? "" : c)).toList()).toList()));
      if (rows.isEmpty() || !seen.add(new Table(t.id(), t.title(), t.columns(), rows))) {
        continue;
      }
      heading(sb, text(t.title()));
      List<String> header = t.columns().stream().map(dev.kubepci.report.Printable::text).toList();
      int[] widths = TextLayout.columnWidths(header, rows, width(), INDENT);
      sb.append(dim(String.join("\n", TextLayout.row(header, widths, INDENT, 2)))).append('\n');
      for (List<String> row : rows) {
        TextLayout.row(row, widths, INDENT, 3).forEach(l -> sb.append(l).append('\n'));
      }
      sb.append('\n');
    }
  }

  /** The failing findings in the order that matters: most severe first, then the CDE before the rest. */
  static List<Finding> byImportance(List<Finding> findings) {
    return findings.stream().filter(f -> f.status() == Status.FAIL)
        .sorted(Comparator.comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(f -> scopeRank(f.scope()))
            .thenComparing(Finding.ORDER))
        .toList();
  }

  private static int scopeRank(ScopeZone scope) {
    return scope.ordinal();
  }

  private void findings(AssessmentReport report, StringBuilder sb) {
    List<Finding> failing = byImportance(report.findings());
    if (failing.isEmpty()) {
      heading(sb, "Findings: none failing");
      sb.append('\n');
      return;
    }
    boolean all = shows(Section.FINDINGS);
    int shown = all ? failing.size() : Math.min(failing.size(), options.topFindings());
    heading(sb, (all ? "Findings" : "Top findings") + " ("
        + (shown < failing.size() ? shown + " of " + failing.size() : Integer.toString(failing.size()))
        + " failing; most severe first, then CDE first)");
    for (Finding f : failing.subList(0, shown)) {
      finding(f, severityLabel(f.severity()), sb);
    }
    if (shown < failing.size()) {
      sb.append(dim(TextLayout.hanging("  ", INDENT, "... " + (failing.size() - shown)
          + " more: --show findings (or --details) lists them all; --format html gives the full report", width())));
    }
    sb.append('\n');
  }

  /** One finding on three wrapped lines: rule and object; what was seen; the field, its value and its source. */
  private void finding(Finding f, String label, StringBuilder sb) {
    int indent = INDENT + 10;
    String object = f.resource() == null ? "cluster" : text(f.resource().displayName());
    String scope = f.scope() == ScopeZone.UNSCOPED ? "" : " [" + f.scope().label() + "]";
    String head = f.name() + " (" + f.rule() + ", " + String.join(", ", f.requirements()) + ")  " + object + scope;
    List<String> lines = TextLayout.wrap(head, width() - indent, Integer.MAX_VALUE);
    sb.append("  ").append(label).append(lines.get(0)).append('\n');
    lines.subList(1, lines.size()).forEach(l -> sb.append(" ".repeat(indent)).append(l).append('\n'));
    // the short report keeps each finding to a few lines; the full list shows the whole message
    int messageLines = shows(Section.FINDINGS) ? Integer.MAX_VALUE : 2;
    TextLayout.wrap(text(f.message()), width() - indent, messageLines)
        .forEach(l -> sb.append(" ".repeat(indent)).append(l).append('\n'));
    StringBuilder where = new StringBuilder();
    if (!f.path().isRoot()) {
      where.append(text(f.path().toString())).append(" = ").append(text(f.observed()));
    }
    if (f.source() != null) {
      where.append(where.length() == 0 ? "" : "  ").append('(').append(text(f.source().describe())).append(')');
    }
    if (where.length() > 0) {
      sb.append(dim(TextLayout.hanging(" ".repeat(indent), indent, where.toString(), width()).stripTrailing()))
          .append('\n');
    }
  }

  private void waived(AssessmentReport report, StringBuilder sb) {
    List<Finding> waived = report.findings().stream().filter(f -> f.status() == Status.WAIVED).toList();
    if (waived.isEmpty()) {
      return;
    }
    heading(sb, "Waived findings (" + waived.size() + ")");
    for (Finding f : waived) {
      finding(f, statusColor(Status.WAIVED, "WAIVED    "), sb);
      if (f.waiver() != null) {
        String indent = " ".repeat(INDENT + 10);
        sb.append(TextLayout.hanging(indent + "waiver: ", indent.length() + 8, text(f.waiver().justification()),
            width()));
        sb.append(dim(TextLayout.hanging(indent, indent.length(), text(f.waiver().label()) + ", approved by "
            + text(f.waiver().approver()) + ", expires " + f.waiver().expires(), width()).stripTrailing()))
            .append('\n');
      }
    }
    sb.append('\n');
  }

  private void attestations(AssessmentReport report, StringBuilder sb) {
    List<RequirementResult> attested = report.requirements().stream().filter(r -> r.attestation() != null).toList();
    if (attested.isEmpty()) {
      return;
    }
    heading(sb, "Attestations (" + report.attestedPractices().size() + " decided, " + report.openPractices().size()
        + " manual practices still open)");
    for (RequirementResult r : attested) {
      var a = r.attestation();
      String head = r.id() + " " + a.verdict() + " by " + text(a.reviewer()) + " on " + a.date()
          + (r.attested() ? "" : " (not applied: the automated checks decide " + r.status() + ")");
      sb.append(TextLayout.hanging("  ", 6, head, width()));
      if (a.note() != null) {
        sb.append(TextLayout.hanging("      ", 6, text(a.note()), width()));
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
    heading(sb, "Evidence to collect (" + open.size() + " practices)");
    for (RequirementResult r : open) {
      sb.append(TextLayout.hanging("  ", 6, r.id() + " " + r.title(), width()));
      for (String e : r.toCollect()) {
        sb.append(TextLayout.hanging("    - ", 6, text(e), width()));
      }
    }
    sb.append('\n');
  }

  private void errors(AssessmentReport report, StringBuilder sb) {
    List<ProcessingError> errors = report.errors();
    if (errors.isEmpty()) {
      return;
    }
    heading(sb, "Input errors (" + errors.size() + "): a document that could not be read was not assessed; an "
        + "invalid or expired waiver or attestation was not applied");
    problems(errors, sb);
  }

  /** The first {@link #ERRORS_SHOWN} problems (all with {@code --show findings}), then how many more there are. */
  private void problems(List<ProcessingError> problems, StringBuilder sb) {
    int shown = shows(Section.FINDINGS) ? problems.size() : Math.min(problems.size(), ERRORS_SHOWN);
    for (ProcessingError e : problems.subList(0, shown)) {
      sb.append(TextLayout.hanging("  ", 4, text(e.describe()), width()));
    }
    if (shown < problems.size()) {
      sb.append(dim("  ... " + (problems.size() - shown) + " more: --show findings lists them all")).append('\n');
    }
    sb.append('\n');
  }

  private void ruleErrors(AssessmentReport report, StringBuilder sb) {
    if (report.ruleErrors().isEmpty()) {
      return;
    }
    heading(sb, "Rule errors (" + report.ruleErrors().size() + "): a bug in kubepci; these rules are ERROR and their "
        + "practices cannot pass (run with --debug for the stack traces)");
    for (RuleError e : report.ruleErrors()) {
      sb.append(TextLayout.hanging("  ", 4, text(e.describe() + (e.source() != null ? " (" + e.source().describe()
          + ")" : "")), width()));
    }
    sb.append('\n');
  }

  private void skipped(AssessmentReport report, StringBuilder sb) {
    List<ProcessingError> skipped = report.skipped();
    if (skipped.isEmpty()) {
      return;
    }
    heading(sb, "Skipped (" + skipped.size() + "): documents that are not Kubernetes objects");
    problems(skipped, sb);
  }

  private void summary(AssessmentReport report, StringBuilder sb) {
    Map<Status, Integer> counts = report.requirementCounts();
    String statuses = counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
    Map<Severity, Integer> sev = report.findingCounts();
    int total = sev.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder line = new StringBuilder();
    line.append(report.requirements().size()).append(" practices: ").append(statuses).append("; ").append(total)
        .append(" failing ").append(total == 1 ? "finding" : "findings");
    if (total > 0) {
      StringBuilder bySeverity = new StringBuilder();
      for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
        if (sev.get(s) > 0) {
          bySeverity.append(bySeverity.length() == 0 ? "" : ", ").append(sev.get(s)).append(' ').append(s.label());
        }
      }
      line.append(" (").append(bySeverity).append(')');
    }
    long waived = report.waivedFindings();
    if (waived > 0) {
      line.append(", ").append(waived).append(waived == 1 ? " waived finding" : " waived findings");
    }
    line.append("; ").append(report.errors().size())
        .append(report.errors().size() == 1 ? " input error" : " input errors");
    if (!report.ruleErrors().isEmpty()) {
      line.append("; ").append(report.ruleErrors().size())
          .append(report.ruleErrors().size() == 1 ? " rule error" : " rule errors");
    }
    if (!report.skipped().isEmpty()) {
      line.append("; ").append(report.skipped().size()).append(" skipped");
    }
    sb.append(bold("Summary: ")).append(TextLayout.hanging("", 9, line.toString(), width()));
    Map<String, Integer> scopes = report.findingCountsByScope();
    if (!scopes.isEmpty() && !scopes.keySet().equals(Set.of(ScopeZone.UNSCOPED.label()))) {
      String byScope = SCOPES.stream().filter(scopes::containsKey).map(s -> scopes.get(s) + " " + s)
          .collect(Collectors.joining(", "));
      sb.append(TextLayout.hanging("By scope: ", 9, byScope, width()));
    }
    sb.append(TextLayout.hanging("Exit:    ", 9, ScanOutcome.of(report, options.failOn()).summary(), width()));
    if (!options.show().containsAll(EnumSet.allOf(Section.class))) {
      String hidden = EnumSet.complementOf(EnumSet.copyOf(
              options.show().isEmpty() ? EnumSet.noneOf(Section.class) : options.show()))
          .stream().map(Section::label).collect(Collectors.joining(","));
      sb.append(dim(TextLayout.hanging("More:    ", 9, "--details (or --show " + hidden
          + ") for what is left out here; --format html for an assessor's report", width()).stripTrailing()))
          .append('\n');
    }
  }

  private String statusColor(Status s, String text) {
    return switch (s) {
      case PASS -> color("32", text);
      case FAIL -> color("31;1", text);
      case NOT_ASSESSED -> color("35", text);
      case MANUAL -> color("33", text);
      case WAIVED -> color("36", text);
      case ERROR -> color("41;1", text);
      case NOT_APPLICABLE -> dim(text);
    };
  }

  private String severityLabel(Severity s) {
    String label = TextLayout.pad(s.name(), 10);
    return switch (s) {
      case CRITICAL -> color("31;1", label);
      case HIGH -> color("31", label);
      case MEDIUM -> color("33", label);
      default -> label;
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
}
