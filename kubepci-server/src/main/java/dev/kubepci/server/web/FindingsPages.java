package dev.kubepci.server.web;

import dev.kubepci.model.ScopeZone;
import dev.kubepci.report.diff.ReportDiff;
import dev.kubepci.report.formats.ReportFormats;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.server.ApiError;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.AssessmentSummary;
import dev.kubepci.store.FindingFilter;
import dev.kubepci.store.FindingPage;
import dev.kubepci.store.StoredFinding;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The findings explorer, new and fixed findings between two assessments, and the exports of an assessment. */
public record FindingsPages(AssessmentStore store, Views views) {
  static final int PAGE_SIZE = 50;
  private static final int MAX_EXPORT = 100_000;
  private static final Set<String> STATUSES = Set.of("FAIL", "WAIVED");
  private static final Set<String> SCOPES = java.util.Arrays.stream(ScopeZone.values())
      .map(ScopeZone::label).collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** The filters of the explorer as the query string gave them, checked. */
  public record FindingQuery(List<String> status, List<String> severity, String scope, String namespace,
      String rule, String practice, String q, int page) {

    FindingFilter filter() {
      return new FindingFilter(Set.copyOf(status), Set.copyOf(severity), scope, namespace, rule, practice, q);
    }

    /** The query string of these filters on another page (or none: 0). */
    public String query(int toPage) {
      StringBuilder sb = new StringBuilder();
      status.forEach(s -> add(sb, "status", s));
      severity.forEach(s -> add(sb, "severity", s));
      add(sb, "scope", scope);
      add(sb, "namespace", namespace);
      add(sb, "rule", rule);
      add(sb, "practice", practice);
      add(sb, "q", q);
      if (toPage > 1) {
        add(sb, "page", String.valueOf(toPage));
      }
      return sb.toString();
    }

    public boolean has(String field, String value) {
      return ("status".equals(field) ? status : severity).contains(value);
    }

    private static void add(StringBuilder sb, String name, String value) {
      if (value != null) {
        sb.append(sb.length() == 0 ? "?" : "&").append(name).append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
  }

  /** One finding as the explorer lists it, with when the cluster first and last had it. */
  public record FindingRow(String rule, String name, String severity, String status, String scope, String kind,
      String namespace, String object, String path, String observed, String message, String remediation,
      List<String> practices, Instant firstSeen, Instant lastSeen) {}

  /** A page of findings. */
  public record FindingsView(AssessmentSummary assessment, FindingQuery query, int total, int page, int pages,
      List<FindingRow> findings) {}

  static FindingQuery query(Context ctx) {
    List<String> status = upper(ctx.queryParams("status"), STATUSES, "status", "FAIL or WAIVED");
    List<String> severity = upper(ctx.queryParams("severity"), Set.copyOf(FleetPages.SEVERITIES), "severity",
        String.join(", ", FleetPages.SEVERITIES));
    String scope = Params.text(ctx, "scope", 32);
    if (scope != null && !SCOPES.contains(scope)) {
      throw ApiError.badRequest("'scope' must be one of " + String.join(", ", new java.util.TreeSet<>(SCOPES)));
    }
    String practice = Params.text(ctx, "practice", 16);
    if (practice != null && !practice.matches("\\d{1,2}(\\.\\d{1,2})?")) {
      throw ApiError.badRequest("'practice' must be a practice id such as 2.1");
    }
    return new FindingQuery(status, severity, scope, Params.text(ctx, "namespace", 253),
        Params.text(ctx, "rule", 200), practice, Params.text(ctx, "q", 200),
        Params.intParam(ctx, "page", 1, 1, 100_000));
  }

  private static List<String> upper(List<String> raw, Set<String> allowed, String name, String expected) {
    Set<String> out = new LinkedHashSet<>();
    for (String r : raw) {
      if (r.isBlank()) {
        continue;
      }
      String v = r.strip().toUpperCase(Locale.ROOT);
      if (!allowed.contains(v)) {
        throw ApiError.badRequest("'" + name + "' must be " + expected);
      }
      out.add(v);
    }
    return List.copyOf(out);
  }

  public FindingsView findings(long id, FindingQuery q) {
    AssessmentSummary a = FleetPages.summary(store, id);
    FindingPage page = store.findings(id, q.filter(), (q.page() - 1) * PAGE_SIZE, PAGE_SIZE);
    int pages = Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    return new FindingsView(a, q, page.total(), q.page(), pages, page.findings().stream().map(FindingsPages::row)
        .toList());
  }

  static FindingRow row(StoredFinding s) {
    JsonReport.Finding f = s.finding();
    JsonReport.Resource r = f.resource();
    return new FindingRow(f.rule(), f.name(), f.severity(), f.status(), f.scope(), r == null ? null : r.kind(),
        r == null ? null : r.namespace(), r == null ? null : r.name(), f.path(), f.observed(), f.message(),
        f.remediation(), f.requirements() == null ? List.of() : f.requirements(), s.firstSeen(), s.lastSeen());
  }

  public void findingsPage(Context ctx) {
    FindingsView v = findings(Params.id(ctx), query(ctx));
    views.render(ctx, "findings.jte", "Findings of assessment " + v.assessment().id(), "fleet", "view", v);
  }

  public void findingsApi(Context ctx) {
    Json.send(ctx, findings(Params.id(ctx), query(ctx)));
  }

  /** The findings the filters select, as CSV (cells that a spreadsheet would run as a formula are quoted). */
  public void findingsCsv(Context ctx) {
    long id = Params.id(ctx);
    FleetPages.summary(store, id);
    FindingQuery q = query(ctx);
    FindingPage page = store.findings(id, q.filter(), 0, MAX_EXPORT);
    StringBuilder sb = new StringBuilder(
        "rule,name,severity,status,scope,kind,namespace,object,path,observed,message,practices,firstSeen,lastSeen\n");
    for (StoredFinding s : page.findings()) {
      FindingRow r = row(s);
      List<String> cells = List.of(n(r.rule()), n(r.name()), n(r.severity()), n(r.status()), n(r.scope()),
          n(r.kind()), n(r.namespace()), n(r.object()), n(r.path()), n(r.observed()), n(r.message()),
          String.join(" ", r.practices()), String.valueOf(r.firstSeen()), String.valueOf(r.lastSeen()));
      sb.append(String.join(",", cells.stream().map(FindingsPages::csv).toList())).append('\n');
    }
    ctx.header("Content-Disposition", "attachment; filename=\"assessment-" + id + "-findings.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(sb.toString());
  }

  private static String n(String s) {
    return s == null ? "" : s;
  }

  static String csv(String cell) {
    String c = cell;
    if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0) {
      c = "'" + c;
    }
    if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r") || !c.equals(cell)) {
      c = "\"" + c.replace("\"", "\"\"") + "\"";
    }
    return c;
  }

  /**
   * The media type and file extension of each format, as {@code kubepci scan -f FORMAT -o FILE} would name the file.
   */
  private record Download(String mediaType, String extension) {}

  private static final java.util.Map<String, Download> DOWNLOADS = java.util.Map.of(
      "json", new Download("application/json", "json"),
      "html", new Download("text/html; charset=utf-8", "html"),
      "sarif", new Download("application/sarif+json", "sarif"),
      "junit", new Download("application/xml", "junit.xml"),
      "markdown", new Download("text/markdown; charset=utf-8", "md"),
      "csv", new Download("text/csv; charset=utf-8", "csv"),
      "oscal", new Download("application/json", "oscal.json"),
      "terminal", new Download("text/plain; charset=utf-8", "txt"));

  /** The JSON report, byte for byte as it was pushed. */
  public void exportJson(Context ctx) {
    export(ctx, "json");
  }

  /** The HTML report of the assessment, shown in the browser. */
  public void exportHtml(Context ctx) {
    export(ctx, "html");
  }

  /** The report in the format of {@code ?format=} (default json). */
  public void exportFormat(Context ctx) {
    String format = ctx.queryParam("format");
    export(ctx, format == null ? "json" : format.toLowerCase(Locale.ROOT));
  }

  /**
   * The assessment in {@code format}, the bytes {@code kubepci scan --format FORMAT} wrote for it (and {@code
   * kubepci export} writes): the JSON report as it was pushed, the other formats from it and the extras pushed with
   * it. The HTML report is a document of its own with its own inline style sheet, so it gets a policy of its own:
   * sandboxed, no script, nothing loaded; the other formats are downloads.
   */
  private void export(Context ctx, String format) {
    Download download = DOWNLOADS.get(format);
    if (download == null) {
      throw ApiError.badRequest("unknown format '" + format + "' (expected one of " + ReportFormats.names() + ")");
    }
    long id = Params.id(ctx);
    AssessmentSummary a = FleetPages.summary(store, id);
    byte[] body;
    if ("json".equals(format)) {
      body = store.exportJson(id);
    } else {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try {
        ReportFormats.reporter(format, ReportFormats.Options.DEFAULTS).write(store.loadReport(id), out);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      body = out.toByteArray();
    }
    if ("html".equals(format)) {
      ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    } else {
      ctx.header("Content-Disposition", "attachment; filename=\"" + a.cluster() + "-" + a.seq() + "."
          + download.extension() + "\"");
    }
    ctx.contentType(download.mediaType()).result(body);
  }

  /** What changed between two assessments. */
  public record CompareView(AssessmentSummary from, AssessmentSummary to, ReportDiff diff) {}

  public CompareView compare(Context ctx) {
    String fromRaw = ctx.queryParam("from");
    String toRaw = ctx.queryParam("to");
    if (fromRaw == null || toRaw == null) {
      throw ApiError.badRequest("give two assessment ids: ?from=ID&to=ID");
    }
    long fromId = Params.longValue("from", fromRaw);
    long toId = Params.longValue("to", toRaw);
    AssessmentSummary from = FleetPages.summary(store, fromId);
    AssessmentSummary to = FleetPages.summary(store, toId);
    return new CompareView(from, to, ReportDiff.between(store.loadJson(fromId), store.loadJson(toId)));
  }

  public void comparePage(Context ctx) {
    CompareView v = compare(ctx);
    views.render(ctx, "compare.jte", "Changes from " + v.from().id() + " to " + v.to().id(), "fleet", "view", v);
  }

  public void compareApi(Context ctx) {
    Json.send(ctx, compare(ctx));
  }

}
