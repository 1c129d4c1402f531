package dev.kubepci.report.diff;

import dev.kubepci.report.Printable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/** Writes a {@link ReportDiff} for a terminal, for a pull request (Markdown), or as JSON. */
public final class DiffRenderer {
  /** The formats {@code kubepci diff} writes. */
  public static final List<String> FORMATS = List.of("terminal", "markdown", "json");
  private static final int MAX_UNCHANGED = 20;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiffRenderer() {}

  public static String render(ReportDiff diff, String format) {
    return switch (format) {
      case "terminal" -> terminal(diff);
      case "markdown" -> markdown(diff);
      case "json" -> json(diff);
      default -> throw new IllegalArgumentException("unknown diff format '" + format + "' (expected one of "
          + FORMATS + ")");
    };
  }

  public static String json(ReportDiff diff) {
    try {
      return JSON.writeValueAsString(diff) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the diff model always serialises", e);
    }
  }

  public static String terminal(ReportDiff diff) {
    StringBuilder sb = new StringBuilder();
    sb.append("kubepci diff\n");
    sb.append("  old: ").append(describe(diff.older())).append('\n');
    sb.append("  new: ").append(describe(diff.newer())).append("\n\n");
    ReportDiff.Summary s = diff.summary();
    sb.append("Findings: ").append(s.added()).append(" new, ").append(s.fixed()).append(" fixed, ")
        .append(s.unchanged()).append(" unchanged");
    if (s.statusChanged() > 0) {
      sb.append(" (").append(s.statusChanged()).append(" changed status)");
    }
    sb.append('\n');
    sb.append("Practices: ").append(s.practicesChanged()).append(" changed status (").append(s.practicesImproved())
        .append(" improved, ").append(s.practicesRegressed()).append(" regressed)\n\n");
    section(sb, "New findings", diff.added(), Integer.MAX_VALUE);
    section(sb, "Fixed findings", diff.fixed(), Integer.MAX_VALUE);
    List<ReportDiff.FindingEntry> changed = diff.unchanged().stream().filter(ReportDiff.FindingEntry::statusChanged)
        .toList();
    section(sb, "Findings whose status changed", changed, Integer.MAX_VALUE);
    if (!diff.practices().isEmpty()) {
      sb.append("Practice status changes\n");
      for (ReportDiff.PracticeChange p : diff.practices()) {
        sb.append("  ").append(pad(p.id(), 6)).append(pad(p.from() + " -> " + p.to(), 30)).append(pad(p.direction(), 10))
            .append(Printable.text(p.title())).append('\n');
      }
      if (diff.practices().stream().anyMatch(p -> p.direction().equals("decided") || p.direction().equals("attested"))) {
        sb.append("  decided, attested: the practice was MANUAL or NOT_ASSESSED and is now decided without a new\n")
            .append("  finding, by the configuration or the input (decided) or by an attestation (attested)\n");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<ReportDiff.FindingEntry> entries, int max) {
    if (entries.isEmpty()) {
      return;
    }
    sb.append(title).append(" (").append(entries.size()).append(")\n");
    for (ReportDiff.FindingEntry e : entries.subList(0, Math.min(max, entries.size()))) {
      sb.append("  ").append(pad(e.severity(), 9)).append(e.rule()).append(' ').append(e.name()).append("  ")
          .append(Printable.text(e.object()));
      if (e.statusChanged()) {
        sb.append("  ").append(e.oldStatus()).append(" -> ").append(e.newStatus());
      }
      sb.append('\n');
      sb.append("      ").append(Printable.text(e.message())).append('\n');
      if (e.path() != null && !e.path().isEmpty()) {
        sb.append("      ").append(Printable.text(e.path())).append(" = ").append(Printable.text(e.observed())).append('\n');
      }
    }
    sb.append('\n');
  }

  public static String markdown(ReportDiff diff) {
    StringBuilder sb = new StringBuilder();
    ReportDiff.Summary s = diff.summary();
    sb.append("## kubepci diff\n\n");
    sb.append("**Findings:** ").append(s.added()).append(" new, ").append(s.fixed()).append(" fixed, ")
        .append(s.unchanged()).append(" unchanged");
    if (s.statusChanged() > 0) {
      sb.append(" (").append(s.statusChanged()).append(" changed status)");
    }
    sb.append("  \n**Practices:** ").append(s.practicesChanged()).append(" changed status (")
        .append(s.practicesImproved()).append(" improved, ").append(s.practicesRegressed()).append(" regressed)\n\n");
    table(sb, "New findings", diff.added(), Integer.MAX_VALUE);
    table(sb, "Fixed findings", diff.fixed(), Integer.MAX_VALUE);
    table(sb, "Findings whose status changed",
        diff.unchanged().stream().filter(ReportDiff.FindingEntry::statusChanged).toList(), Integer.MAX_VALUE);
    if (!diff.practices().isEmpty()) {
      sb.append("### Practice status changes\n\n| Practice | From | To | |\n|---|---|---|---|\n");
      for (ReportDiff.PracticeChange p : diff.practices()) {
        sb.append("| ").append(p.id()).append(' ').append(cell(p.title())).append(" | ").append(p.from()).append(" | ")
            .append(p.to()).append(" | ").append(p.direction()).append(" |\n");
      }
      if (diff.practices().stream().anyMatch(p -> p.direction().equals("decided") || p.direction().equals("attested"))) {
        sb.append("\n*decided*, *attested*: the practice was MANUAL or NOT_ASSESSED and is now decided without a new "
            + "finding, by the configuration or the input (decided) or by an attestation (attested).\n");
      }
      sb.append('\n');
    }
    if (!diff.unchanged().isEmpty()) {
      sb.append("<details><summary>").append(diff.unchanged().size()).append(" unchanged findings</summary>\n\n");
      table(sb, null, diff.unchanged(), MAX_UNCHANGED);
      sb.append("</details>\n\n");
    }
    sb.append("<sub>old: ").append(cell(describe(diff.older()))).append("<br>new: ").append(cell(describe(diff.newer())))
        .append("</sub>\n");
    return sb.toString();
  }

  private static void table(StringBuilder sb, String title, List<ReportDiff.FindingEntry> entries, int max) {
    if (entries.isEmpty()) {
      return;
    }
    if (title != null) {
      sb.append("### ").append(title).append(" (").append(entries.size()).append(")\n\n");
    }
    sb.append("| Severity | Rule | Object | Finding | Field = value | Status |\n|---|---|---|---|---|---|\n");
    for (ReportDiff.FindingEntry e : entries.subList(0, Math.min(max, entries.size()))) {
      String status = e.oldStatus() == null ? e.newStatus() : e.newStatus() == null ? e.oldStatus()
          : e.statusChanged() ? e.oldStatus() + " → " + e.newStatus() : e.newStatus();
      sb.append("| ").append(e.severity()).append(" | ").append(e.rule()).append(' ').append(e.name()).append(" | `")
          .append(codeCell(e.object())).append("` | ").append(cell(e.message())).append(" | ")
          .append(e.path() == null || e.path().isEmpty() ? "" : "`" + codeCell(e.path() + " = " + e.observed()) + "`")
          .append(" | ").append(status).append(" |\n");
    }
    if (entries.size() > max) {
      sb.append("\n").append(entries.size() - max).append(" more in `--format json`.\n");
    }
    sb.append('\n');
  }

  private static String describe(ReportDiff.Side side) {
    return String.join(", ", side.inputs()) + " (" + side.tool() + ", " + side.generatedAt() + ", " + side.findings()
        + " findings)";
  }

  /** Text in a table cell: control characters escaped, pipes escaped, {@code <} as an entity. */
  private static String cell(String s) {
    return s == null ? "" : Printable.text(s).replace("|", "\\|").replace("<", "&lt;").replace("`", "'");
  }

  /**
   * Text inside a code span in a table cell: entities are not decoded in code spans, so {@code <} stays as it is
   * (it cannot open a tag there); pipes are still escaped, as GitHub tables split on them first.
   */
  private static String codeCell(String s) {
    return s == null ? "" : Printable.text(s).replace("|", "\\|").replace("`", "'");
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
