package dev.kubepci.report.html;

import dev.kubepci.model.ScopeZone;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.report.dss.DssGroups;
import dev.kubepci.result.AreaResult;
import dev.kubepci.result.AssessmentBasis;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.result.WaiverResult;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.waiver.Attestation;
import dev.kubepci.result.ScanOutcome;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file for assessors: the 16 areas at a glance with an inline SVG chart, then every best
 * practice with its status, reason, findings and their evidence, remediation, attestation, and the checklist of
 * evidence still to collect; then waivers, the rules' tables and input errors. No script, no external resource
 * (a Content-Security-Policy forbids any), and a print style sheet so that it prints to PDF as it reads.
 */
public final class HtmlReporter extends DocumentReporter<String> {
  private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);
  private static final List<String> SCOPES = java.util.Arrays.stream(ScopeZone.values()).map(ScopeZone::label).toList();
  private static final List<Status> CHART_ORDER = List.of(Status.FAIL, Status.NOT_ASSESSED, Status.WAIVED,
      Status.MANUAL, Status.PASS, Status.NOT_APPLICABLE);

  /** The report organised by the guidance's areas. */
  public HtmlReporter() {
    this(false);
  }

  /**
   * @param byDss organise practices and findings by the PCI DSS requirements of the report's cross-reference
   */
  public HtmlReporter(boolean byDss) {
    super("html", report -> render(report, byDss), TEXT);
  }

  public static String render(AssessmentReport report) {
    return render(report, false);
  }

  /** The page; by DSS requirement instead of by area when {@code byDss}. */
  public static String render(AssessmentReport report, boolean byDss) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = report.toolName() + " assessment: " + report.frameworkTitle() + " v" + report.frameworkVersion()
        + (byDss ? ", by " + DssGroups.standard(report) + " requirement" : "");
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
            + "img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    header(report, title, h);
    summary(report, h);
    if (byDss) {
      dssRequirements(report, h);
    } else {
      chart(report, h);
      areaIndex(report, h);
      practices(report, h);
    }
    openChecklist(report, h);
    waivers(report, h);
    errors(report, h);
    ruleErrors(report, h);
    h.append("<footer>").append(esc(report.toolName() + " " + report.toolVersion())).append(" &middot; generated ")
        .append(esc(TIME.format(report.generatedAt()))).append(" &middot; ")
        .append(esc(report.frameworkTitle() + " v" + report.frameworkVersion()))
        .append(" is guidance published by the PCI Security Standards Council; practice titles are paraphrased.</footer>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void header(AssessmentReport report, String title, StringBuilder h) {
    h.append("<header>\n<h1>").append(esc(title)).append("</h1>\n<dl class=\"meta\">\n");
    meta(h, "Input", String.join(", ", report.inputs()) + " (" + ScanOutcome.count(report.objects(), "object") + ")");
    if (report.cluster() != null && report.cluster().gitVersion() != null) {
      meta(h, "Kubernetes", report.cluster().gitVersion()
          + (report.cluster().provider() != null ? " (" + report.cluster().provider() + ")" : ""));
    }
    if (report.cluster() != null && report.cluster().server() != null) {
      meta(h, "API server", report.cluster().server());
    }
    meta(h, "Generated", TIME.format(report.generatedAt()));
    meta(h, "Tool", report.toolName() + " " + report.toolVersion());
    AssessmentBasis basis = report.basis();
    meta(h, "Configuration", basis.configFile() == null ? "none (--config not given)" : basis.configFile());
    meta(h, "CDE scope", basis.scope() == null ? "not declared: every finding is unscoped" : basis.scope());
    h.append("</dl>\n");
    List<AssessmentBasis.File> files = basis.files();
    if (!files.isEmpty()) {
      List<AssessmentBasis.File> governance = files.stream().filter(f -> !"input".equals(f.role())).toList();
      List<AssessmentBasis.File> inputs = files.stream().filter(f -> "input".equals(f.role())).toList();
      if (!governance.isEmpty()) {
        fileTable("Configuration, waiver and attestation files", governance, h);
      }
      h.append("<details class=\"files\"><summary>").append(inputs.size())
          .append(inputs.size() == 1 ? " input file" : " input files").append(" with their SHA-256</summary>\n");
      fileTable(null, inputs, h);
      h.append("</details>\n");
    }
    h.append("</header>\n");
  }

  private static void fileTable(String caption, List<AssessmentBasis.File> files, StringBuilder h) {
    h.append("<table class=\"files\">\n");
    if (caption != null) {
      h.append("<caption>").append(esc(caption)).append("</caption>\n");
    }
    h.append("<thead><tr><th>Role</th><th>File</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
    for (AssessmentBasis.File f : files) {
      h.append("<tr><td>").append(esc(f.role())).append("</td><td><code>").append(esc(f.path().toString()))
          .append("</code></td><td><code>").append(esc(f.sha256() == null ? "-" : f.sha256())).append("</code></td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void meta(StringBuilder h, String key, String value) {
    h.append("<dt>").append(esc(key)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  private static void summary(AssessmentReport report, StringBuilder h) {
    Map<Status, Integer> counts = report.requirementCounts();
    h.append("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"cards-caption\">")
        .append(report.requirements().size()).append(" practices by verdict</p>\n<div class=\"cards\">\n");
    for (Status s : CHART_ORDER) {
      int n = counts.get(s);
      h.append("<div class=\"card s-").append(cls(s)).append("\"><span class=\"n\">").append(n)
          .append("</span><span class=\"l\">").append(label(s)).append(n == 1 ? " practice" : " practices")
          .append("</span></div>\n");
    }
    h.append("</div>\n");
    Map<Severity, Integer> sev = report.findingCounts();
    long waived = report.findings().stream().filter(f -> f.status() == Status.WAIVED).count();
    h.append("<p class=\"totals\">").append(report.requirements().size()).append(" practices in ")
        .append(report.areas().size()).append(" areas &middot; <strong>")
        .append(sev.values().stream().mapToInt(Integer::intValue).sum()).append(" failing findings</strong> (");
    h.append(List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO).stream()
        .map(s -> sev.get(s) + " " + s.label()).collect(Collectors.joining(", ")));
    h.append(") &middot; ").append(waived).append(waived == 1 ? " waived finding" : " waived findings").append(" &middot; ").append(report.attestedPractices().size())
        .append(" practices attested &middot; ").append(report.openPractices().size())
        .append(" manual practices open &middot; ").append(report.errors().size()).append(" input errors</p>\n</section>\n");
  }

  /** A stacked bar per area: how many of its practices are in each status. */
  private static void chart(AssessmentReport report, StringBuilder h) {
    int max = report.areas().stream().mapToInt(a -> a.requirements().size()).max().orElse(1);
    int labelWidth = 330;
    int barWidth = 560;
    int row = 26;
    int height = report.areas().size() * row + 40;
    h.append("<section id=\"chart\">\n<h2>The ").append(report.areas().size()).append(" areas at a glance</h2>\n")
        .append("<svg role=\"img\" aria-label=\"Practices per area by status\" viewBox=\"0 0 ")
        .append(labelWidth + barWidth + 20).append(' ').append(height).append("\" width=\"100%\">\n");
    int y = 4;
    for (AreaResult a : report.areas()) {
      h.append("<text x=\"0\" y=\"").append(y + 16).append("\" class=\"axis\">").append(esc(a.id() + ". " + a.title()))
          .append("</text>\n");
      Map<Status, Integer> counts = new EnumMap<>(Status.class);
      a.requirements().forEach(r -> counts.merge(r.status(), 1, Integer::sum));
      double x = labelWidth;
      for (Status s : CHART_ORDER) {
        int n = counts.getOrDefault(s, 0);
        if (n == 0) {
          continue;
        }
        double w = (double) barWidth * n / max;
        h.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 3).append("\" width=\"").append(fmt(w - 2))
            .append("\" height=\"18\" class=\"b-").append(cls(s)).append("\"><title>").append(esc(a.id() + ": " + n + " " + s))
            .append("</title></rect>\n");
        if (w >= 18) {
          h.append("<text x=\"").append(fmt(x + w / 2 - 1)).append("\" y=\"").append(y + 16)
              .append("\" class=\"bn\">").append(n).append("</text>\n");
        }
        x += w;
      }
      y += row;
    }
    double lx = 0;
    for (Status s : CHART_ORDER) {
      h.append("<rect x=\"").append(fmt(lx)).append("\" y=\"").append(y + 8).append("\" width=\"12\" height=\"12\" class=\"b-")
          .append(cls(s)).append("\"/><text x=\"").append(fmt(lx + 16)).append("\" y=\"").append(y + 18)
          .append("\" class=\"axis\">").append(label(s)).append("</text>\n");
      lx += 30 + 8.5 * label(s).length();
    }
    h.append("</svg>\n</section>\n");
  }

  private static void areaIndex(AssessmentReport report, StringBuilder h) {
    h.append("<section id=\"areas\">\n<h2>Areas</h2>\n<table class=\"index\">\n<thead><tr><th>Area</th><th>Status</th>"
        + "<th>Practices</th><th>Failing findings by severity</th><th>by scope</th></tr></thead>\n<tbody>\n");
    for (AreaResult a : report.areas()) {
      List<Finding> failing = report.findings().stream().filter(f -> f.status() == Status.FAIL)
          .filter(f -> f.requirements().stream().anyMatch(r -> a.requirements().stream().anyMatch(x -> x.id().equals(r))))
          .toList();
      h.append("<tr><td><a href=\"#area-").append(a.id()).append("\">").append(esc(a.id() + ". " + a.title()))
          .append("</a></td><td>").append(badge(a.status())).append("</td><td><ul class=\"chips\">");
      for (RequirementResult r : a.requirements()) {
        h.append("<li><a class=\"chip s-").append(cls(r.status())).append("\" href=\"#practice-").append(esc(r.id()))
            .append("\" title=\"").append(esc(r.status().name())).append("\">").append(esc(r.id())).append("</a> ")
            .append(esc(r.title())).append("</li>");
      }
      h.append("</ul></td><td>").append(esc(countsBy(failing, f -> f.severity().label(),
              List.of("critical", "high", "medium", "low", "info"))))
          .append("</td><td>").append(esc(countsBy(failing, f -> f.scope().label(), SCOPES)))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  /** {@code 3 critical, 1 high} in the order given; {@code -} when empty. */
  private static String countsBy(List<Finding> findings, java.util.function.Function<Finding, String> key,
      List<String> order) {
    Map<String, Long> counts = findings.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    String s = order.stream().filter(counts::containsKey).map(k -> counts.get(k) + " " + k)
        .collect(Collectors.joining(", "));
    return s.isEmpty() ? "-" : s;
  }

  private static void dssRequirements(AssessmentReport report, StringBuilder h) {
    h.append("<p class=\"reason\">").append(esc(DssGroups.require(report).statement())).append("</p>\n");
    for (DssGroups.Group g : DssGroups.of(report)) {
      h.append("<section class=\"area\" id=\"dss-").append(esc(g.id())).append("\">\n<h2>DSS ").append(esc(g.id()))
          .append(' ').append(esc(g.title())).append("</h2>\n<table class=\"index\">\n<thead><tr><th>Practice</th>"
              + "<th>Status</th><th>Why it supports ").append(esc(g.id())).append("</th></tr></thead>\n<tbody>\n");
      for (DssGroups.Entry e : g.practices()) {
        RequirementResult r = e.practice();
        h.append("<tr><td><span class=\"pid\">").append(esc(r.id())).append("</span> ").append(esc(r.title()))
            .append("</td><td>").append(badge(r.status())).append(r.attested() ? " <span class=\"tag\">attested</span>" : "")
            .append("</td><td>").append(esc(e.rationale())).append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
      if (!g.findings().isEmpty()) {
        findingsTable(g.findings(), h);
      }
      h.append("</section>\n");
    }
  }

  private static void practices(AssessmentReport report, StringBuilder h) {
    Map<String, List<Finding>> byPractice = new HashMap<>();
    for (Finding f : report.findings()) {
      for (String r : f.requirements()) {
        byPractice.computeIfAbsent(r, k -> new java.util.ArrayList<>()).add(f);
      }
    }
    Map<String, RuleResult> rules = new HashMap<>();
    report.rules().forEach(r -> rules.put(r.id(), r));
    // a rule's fact tables sit under the first practice it supports, each table once
    Map<String, List<Table>> tablesByPractice = new HashMap<>();
    java.util.Set<Table> seen = new java.util.HashSet<>();
    for (RuleResult r : report.rules()) {
      for (Table t : r.tables()) {
        if (!r.requirements().isEmpty() && !t.rows().isEmpty() && seen.add(t)) {
          tablesByPractice.computeIfAbsent(r.requirements().get(0), k -> new java.util.ArrayList<>()).add(t);
        }
      }
    }
    for (AreaResult a : report.areas()) {
      h.append("<section class=\"area\" id=\"area-").append(a.id()).append("\">\n<h2>").append(esc(a.id() + ". " + a.title()))
          .append(' ').append(badge(a.status())).append("</h2>\n");
      for (RequirementResult r : a.requirements()) {
        practice(r, byPractice.getOrDefault(r.id(), List.of()), rules,
            tablesByPractice.getOrDefault(r.id(), List.of()), h);
      }
      h.append("</section>\n");
    }
  }

  private static void practice(RequirementResult r, List<Finding> findings, Map<String, RuleResult> rules,
      List<Table> tables, StringBuilder h) {
    h.append("<article class=\"practice s-").append(cls(r.status())).append("\" id=\"practice-").append(esc(r.id()))
        .append("\">\n<h3><span class=\"pid\">").append(esc(r.id())).append("</span> ").append(esc(r.title())).append(' ')
        .append(badge(r.status()));
    if (r.attested()) {
      h.append(" <span class=\"tag\">attested</span>");
    }
    h.append("</h3>\n<p class=\"assess\">Assessment: ").append(esc(r.assessment()));
    if (r.automatedStatus() != null) {
      h.append(" &middot; automated checks: ").append(esc(r.automatedStatus().name()));
    }
    h.append(" &middot; ").append(r.findings()).append(r.findings() == 1 ? " finding" : " findings").append("</p>\n");
    if (r.reason() != null) {
      h.append("<p class=\"reason\">").append(esc(r.reason())).append("</p>\n");
    }
    if (r.attestation() != null) {
      attestation(r, h);
    }
    if (!r.evidence().isEmpty()) {
      h.append("<h4>Evidence from the checks</h4>\n<ul class=\"evidence\">\n");
      r.evidence().forEach(e -> h.append("<li>").append(esc(e)).append("</li>\n"));
      h.append("</ul>\n");
    }
    if (!findings.isEmpty()) {
      List<Finding> failing = findings.stream().filter(f -> f.status() == Status.FAIL).toList();
      h.append("<details class=\"findings\"><summary>").append(findings.size())
          .append(findings.size() == 1 ? " finding" : " findings");
      if (!failing.isEmpty()) {
        h.append(": ").append(failing.size()).append(" failing (").append(esc(countsBy(failing,
            f -> f.severity().label(), List.of("critical", "high", "medium", "low", "info")))).append("; ")
            .append(esc(countsBy(failing, f -> f.scope().label(), SCOPES))).append(')');
      }
      if (failing.size() < findings.size()) {
        h.append(", ").append(findings.size() - failing.size()).append(" waived");
      }
      h.append("</summary>\n");
      findingsTable(findings, h);
      h.append("</details>\n");
      List<String> remediations = findings.stream().map(Finding::rule).distinct()
          .map(rules::get).filter(x -> x != null && x.remediation() != null)
          .map(x -> x.id() + " " + x.name() + ": " + x.remediation()).toList();
      if (!remediations.isEmpty()) {
        h.append("<h4>Remediation</h4>\n<ul class=\"remediation\">\n");
        remediations.forEach(x -> h.append("<li>").append(esc(x)).append("</li>\n"));
        h.append("</ul>\n");
      }
    }
    for (Table t : tables) {
      factTable(t, h);
    }
    if (!r.toCollect().isEmpty()) {
      h.append("<h4>Evidence to collect</h4>\n<ul class=\"checklist\">\n");
      r.toCollect().forEach(e -> h.append("<li>").append(esc(e)).append("</li>\n"));
      h.append("</ul>\n");
    }
    if (!r.commands().isEmpty() && r.status() != Status.PASS) {
      h.append("<h4>Commands</h4>\n<pre>");
      h.append(r.commands().stream().map(HtmlReporter::esc).collect(Collectors.joining("\n")));
      h.append("</pre>\n");
    }
    if (!r.questions().isEmpty() && r.status() != Status.PASS) {
      h.append("<h4>Questions for the organisation</h4>\n<ul>\n");
      r.questions().forEach(q -> h.append("<li>").append(esc(q)).append("</li>\n"));
      h.append("</ul>\n");
    }
    h.append("</article>\n");
  }

  private static void attestation(RequirementResult r, StringBuilder h) {
    Attestation a = r.attestation();
    h.append("<div class=\"attestation\"><strong>Attestation: ").append(esc(a.verdict().name())).append("</strong> by ")
        .append(esc(a.reviewer())).append(" on ").append(esc(String.valueOf(a.date())));
    if (!r.attested()) {
      h.append(" <em>(not applied: the automated checks decide ").append(esc(r.status().name())).append(")</em>");
    }
    if (a.note() != null) {
      h.append("<p>").append(esc(a.note())).append("</p>");
    }
    h.append("<ul>");
    a.evidence().forEach(e -> h.append("<li>Reviewed: ").append(esc(e)).append("</li>"));
    h.append("</ul></div>\n");
  }

  private static void findingsTable(List<Finding> findings, StringBuilder h) {
    h.append("<table class=\"findings\">\n<colgroup><col class=\"c-sev\"><col class=\"c-rule\"><col class=\"c-obj\"><col>"
        + "</colgroup>\n<thead><tr><th>Severity</th><th>Rule</th><th>Object</th><th>Finding and evidence</th>"
        + "</tr></thead>\n<tbody>\n");
    for (Finding f : findings) {
      h.append("<tr class=\"").append(f.status() == Status.WAIVED ? "waived" : "fail").append("\"><td><span class=\"sev sev-")
          .append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">").append(f.severity().name()).append("</span>");
      if (f.status() == Status.WAIVED) {
        h.append("<br><span class=\"badge s-waived\">WAIVED</span>");
      }
      h.append("</td><td>").append(esc(f.rule())).append("<br><small>").append(esc(f.name())).append("</small></td><td>")
          .append(esc(f.resource() == null ? "cluster" : f.resource().displayName()));
      if (f.scope() != ScopeZone.UNSCOPED) {
        h.append("<br><small>scope: ").append(esc(f.scope().label())).append("</small>");
      }
      if (f.resource() != null && f.resource().uid() != null) {
        h.append("<br><small>uid ").append(esc(f.resource().uid())).append(", resourceVersion ")
            .append(esc(String.valueOf(f.resource().resourceVersion()))).append("</small>");
      }
      h.append("</td><td>").append(esc(f.message()));
      if (!f.path().isRoot()) {
        h.append("<br><code>").append(esc(f.path().toString())).append(" = ").append(esc(f.observed())).append("</code>");
      }
      if (f.source() != null) {
        h.append("<br><small>source: ").append(esc(f.source().describe())).append("</small>");
      }
      if (f.kubectl() != null) {
        h.append("<br><code class=\"cmd\">").append(esc(f.kubectl())).append("</code>");
      }
      if (f.waiver() != null) {
        h.append("<div class=\"waiver\">Waived: ").append(esc(f.waiver().justification())).append(" <small>(")
            .append(esc(f.waiver().label())).append(", approved by ").append(esc(f.waiver().approver())).append(", expires ")
            .append(esc(String.valueOf(f.waiver().expires()))).append(")</small></div>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void openChecklist(AssessmentReport report, StringBuilder h) {
    List<RequirementResult> open = report.openPractices();
    h.append("<section id=\"open\">\n<h2>Manual checklist: ").append(open.size()).append(" practices open</h2>\n");
    if (open.isEmpty()) {
      h.append("<p>Every manual practice has an attestation.</p>\n");
    } else {
      h.append("<p>These practices need an assessor's attestation. Record it with <code>attestations:</code> in the "
          + "configuration or <code>--attestations FILE</code>.</p>\n<ul class=\"checklist\">\n");
      for (RequirementResult r : open) {
        h.append("<li><a href=\"#practice-").append(esc(r.id())).append("\">").append(esc(r.id() + " " + r.title()))
            .append("</a></li>\n");
      }
      h.append("</ul>\n");
    }
    h.append("</section>\n");
  }

  private static void waivers(AssessmentReport report, StringBuilder h) {
    if (report.waivers().isEmpty()) {
      return;
    }
    h.append("<section id=\"waivers\">\n<h2>Waivers</h2>\n<table>\n<thead><tr><th>Waiver</th><th>State</th><th>Covers</th>"
        + "<th>Findings</th><th>Justification</th><th>Approver</th><th>Expires</th><th>Risk analysis</th></tr></thead>\n<tbody>\n");
    for (WaiverResult w : report.waivers()) {
      var d = w.waiver();
      h.append("<tr><td>").append(esc(d.label())).append("</td><td>").append(esc(w.state()));
      if (w.problem() != null) {
        h.append("<br><small>").append(esc(w.problem())).append("</small>");
      }
      h.append("</td><td>").append(esc(d.rule() != null ? d.rule() : "practice " + d.practice()))
          .append(d.scope() == null ? "" : "<br><small>" + esc(d.scope().describe()) + "</small>").append("</td><td>")
          .append(w.matched()).append("</td><td>").append(esc(nullToEmpty(d.justification()))).append("</td><td>")
          .append(esc(nullToEmpty(d.approver()))).append("</td><td>").append(esc(d.expires() == null ? "" : d.expires().toString()))
          .append("</td><td>").append(esc(nullToEmpty(d.riskAnalysis()))).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</section>\n");
  }

  /** A rule's fact table, folded: identical rows once. */
  private static void factTable(Table t, StringBuilder h) {
    List<List<String>> rows = List.copyOf(new java.util.LinkedHashSet<>(t.rows()));
    h.append("<details class=\"facts\"><summary>Facts: ").append(esc(t.title())).append(" (").append(rows.size())
        .append(rows.size() == 1 ? " row" : " rows").append(")</summary>\n<table class=\"facts\">\n<thead><tr>");
    t.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      h.append("<tr>");
      row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n</details>\n");
  }

  private static void errors(AssessmentReport report, StringBuilder h) {
    if (report.errors().isEmpty()) {
      return;
    }
    h.append("<section id=\"errors\">\n<h2>Input errors (").append(report.errors().size()).append(")</h2>\n<ul>\n");
    for (ProcessingError e : report.errors()) {
      h.append("<li><code>").append(esc(e.source().describe())).append("</code>: ").append(esc(e.message())).append("</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  private static void ruleErrors(AssessmentReport report, StringBuilder h) {
    if (report.ruleErrors().isEmpty()) {
      return;
    }
    h.append("<section id=\"rule-errors\">\n<h2>Rule errors (").append(report.ruleErrors().size())
        .append(")</h2>\n<p>A bug in kubepci: these rules are ERROR and the practices they decide cannot pass.</p>\n"
            + "<ul>\n");
    for (dev.kubepci.result.RuleError e : report.ruleErrors()) {
      h.append("<li>").append(esc(e.describe()));
      if (e.source() != null) {
        h.append(" (<code>").append(esc(e.source().describe())).append("</code>)");
      }
      h.append("</li>\n");
    }
    h.append("</ul>\n</section>\n");
  }

  private static String badge(Status s) {
    return "<span class=\"badge s-" + cls(s) + "\">" + s.name() + "</span>";
  }

  private static String cls(Status s) {
    return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String label(Status s) {
    return s.name().replace('_', ' ');
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final String CSS = """
      :root { --pass: #2e7d32; --fail: #c62828; --manual: #b7791f; --na: #8a8a8a; --nass: #6a1b9a; --waived: #00838f;
        --ink: #1d232a; --muted: #5b6570; --line: #d9dee3; }
      * { box-sizing: border-box; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink);
        margin: 0 auto; max-width: 1180px; padding: 24px; }
      h1 { font-size: 24px; margin: 0 0 8px; }
      h2 { font-size: 19px; border-bottom: 2px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
      h3 { font-size: 15px; margin: 0 0 4px; }
      h4 { font-size: 13px; margin: 12px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
      a { color: inherit; }
      code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
      pre { background: #f5f7f9; padding: 8px; white-space: pre-wrap; border-radius: 4px; }
      dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; color: var(--muted); }
      dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
      .cards { display: flex; gap: 12px; flex-wrap: wrap; }
      .card { flex: 1 1 120px; border-radius: 6px; padding: 10px 14px; color: #fff; }
      .card .n { display: block; font-size: 28px; font-weight: 700; } .card .l { font-size: 12px; letter-spacing: .04em; }
      .s-pass.card, .b-pass { background: var(--pass); fill: var(--pass); }
      .s-fail.card, .b-fail { background: var(--fail); fill: var(--fail); }
      .s-manual.card, .b-manual { background: var(--manual); fill: var(--manual); }
      .s-not-applicable.card, .b-not-applicable { background: var(--na); fill: var(--na); }
      .s-not-assessed.card, .b-not-assessed { background: var(--nass); fill: var(--nass); }
      .s-waived.card, .b-waived { background: var(--waived); fill: var(--waived); }
      .totals { color: var(--muted); }
      svg .axis { font-size: 12px; fill: var(--ink); } svg .bn { font-size: 11px; fill: #fff; text-anchor: middle; font-weight: 700; }
      .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11px; font-weight: 700;
        color: #fff; vertical-align: middle; }
      .badge.s-pass { background: var(--pass); } .badge.s-fail { background: var(--fail); }
      .badge.s-manual { background: var(--manual); } .badge.s-not-applicable { background: var(--na); }
      .badge.s-not-assessed { background: var(--nass); } .badge.s-waived { background: var(--waived); }
      .badge.s-error { background: var(--fail); }
      .chip { display: inline-block; padding: 0 6px; margin: 1px; border-radius: 3px; font-size: 12px; color: #fff;
        text-decoration: none; }
      .chip.s-pass { background: var(--pass); } .chip.s-fail { background: var(--fail); }
      .chip.s-manual { background: var(--manual); } .chip.s-not-applicable { background: var(--na); }
      .chip.s-not-assessed { background: var(--nass); } .chip.s-waived { background: var(--waived); }
      .tag { font-size: 11px; border: 1px solid var(--waived); color: var(--waived); border-radius: 3px; padding: 0 4px; }
      table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
      th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top;
        overflow-wrap: break-word; }
      li, p, pre, code { overflow-wrap: break-word; }
      td, td code { overflow-wrap: anywhere; }
      table.facts, table.files { table-layout: fixed; font-size: 12px; }
      table.files th:first-child { width: 110px; } table.files th:last-child { width: 44%; }
      table.files caption { text-align: left; font-weight: 600; color: var(--muted); }
      details { margin: 6px 0; } details > summary { cursor: pointer; font-weight: 600; }
      details.facts > summary { color: var(--muted); font-weight: 500; }
      ul.chips { list-style: none; margin: 0; padding: 0; } ul.chips li { margin: 1px 0; }
      .cards-caption { margin: 0 0 6px; color: var(--muted); }
      table.findings { table-layout: fixed; }
      col.c-sev { width: 92px; } col.c-rule { width: 170px; } col.c-obj { width: 210px; }
      th { background: #f1f4f6; font-size: 12px; }
      tr.waived td { background: #eef8f8; }
      .practice { border-left: 5px solid var(--line); padding: 8px 12px; margin: 12px 0; background: #fbfcfd;
        break-inside: avoid-page; }
      .practice.s-pass { border-color: var(--pass); } .practice.s-fail { border-color: var(--fail); }
      .practice.s-manual { border-color: var(--manual); } .practice.s-not-assessed { border-color: var(--nass); }
      .practice.s-waived { border-color: var(--waived); } .practice.s-not-applicable { border-color: var(--na); }
      .pid { color: var(--muted); } .assess, .reason { margin: 2px 0; color: var(--muted); }
      .attestation { border: 1px dashed var(--waived); padding: 6px 10px; margin: 6px 0; background: #f3fbfb; }
      .attestation p, .attestation ul { margin: 4px 0; }
      .waiver { margin-top: 4px; color: var(--waived); }
      .sev { font-weight: 700; font-size: 11px; } .sev-critical, .sev-high { color: var(--fail); }
      .sev-medium { color: var(--manual); }
      ul.checklist { list-style: none; padding-left: 4px; }
      ul.checklist li::before { content: "\\2610\\00a0"; }
      footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
      @media print {
        @page { size: A4; margin: 14mm; }
        body { max-width: none; padding: 0; font-size: 11px; }
        .card, .badge, .chip, svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h2 { break-after: avoid-page; } .area { break-before: page; }
        table { break-inside: auto; } tr { break-inside: avoid; }
        a { text-decoration: none; }
      }
      """;
}
