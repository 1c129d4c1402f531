package dev.kubepci.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kubepci.report.json.JsonReport;
import dev.kubepci.server.ApiError;
import dev.kubepci.server.ClusterName;
import dev.kubepci.server.governance.ManagedWaiver;
import dev.kubepci.server.governance.WaiverStore;
import dev.kubepci.server.security.Access;
import dev.kubepci.server.security.AuditLog;
import dev.kubepci.server.security.Principal;
import dev.kubepci.server.security.Role;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.ClusterSummary;
import dev.kubepci.waiver.Waiver;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Waivers and attestations across the fleet with their expiry, those ending within 30 days first: the waivers each
 * cluster's latest report declared, the attestations it applied, and the waivers admins keep on the server (which
 * a cluster's scans fetch as a waiver file).
 */
public record GovernancePages(AssessmentStore store, WaiverStore waivers, AuditLog audit, Views views, Clock clock) {
  static final int SOON_DAYS = 30;
  /** An attestation is an assessor's yearly review: it is due again a year after its date. */
  static final int ATTESTATION_DAYS = 365;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  /**
   * A waiver or an attestation with the day it ends.
   *
   * @param kind WAIVER (declared in the cluster's waiver file), SERVER_WAIVER (kept here) or ATTESTATION
   * @param subject the rule or practice it covers
   * @param ends when it expires (waiver) or is due for review (attestation)
   * @param daysLeft negative once ended
   * @param state ACTIVE, EXPIRED, INVALID, REVOKED (waivers), or the verdict (attestations)
   */
  public record GovernanceRow(String kind, String id, String cluster, String subject, String scope,
      String justification, String approver, LocalDate ends, long daysLeft, String state, Integer matched,
      Long assessmentId) {

    public boolean soon() {
      return daysLeft >= 0 && daysLeft <= SOON_DAYS;
    }
  }

  /** The page: ending within 30 days, then later, then ended or revoked. */
  public record GovernanceView(LocalDate today, List<GovernanceRow> endingSoon, List<GovernanceRow> later,
      List<GovernanceRow> ended, List<String> clusters) {}

  public GovernanceView overview() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<GovernanceRow> rows = new ArrayList<>();
    List<String> clusters = new ArrayList<>();
    for (ClusterSummary c : store.clusters()) {
      clusters.add(c.name());
      JsonReport report = store.loadJson(c.latest().id());
      for (JsonReport.WaiverState ws : report.waivers()) {
        JsonReport.WaiverRecord w = ws.waiver();
        LocalDate ends = date(w.expires());
        rows.add(new GovernanceRow("WAIVER", w.id(), c.name(), w.rule() != null ? w.rule() : "practice "
            + w.practice(), scope(w.scope()), w.justification(), w.approver(), ends, days(today, ends),
            ws.state(), ws.matched(), c.latest().id()));
      }
      for (JsonReport.Requirement r : report.requirements()) {
        JsonReport.AttestationRecord a = r.attestation();
        if (a == null) {
          continue;
        }
        LocalDate dated = date(a.date());
        LocalDate due = dated == null ? null : dated.plusDays(ATTESTATION_DAYS);
        rows.add(new GovernanceRow("ATTESTATION", null, c.name(), "practice " + r.id(), null, a.note(),
            a.reviewer(), due, days(today, due), a.verdict(), null, c.latest().id()));
      }
    }
    for (ManagedWaiver w : waivers.list(null)) {
      String subject = w.rule() != null ? w.rule() : "practice " + w.practice();
      String state = w.revokedAt() != null ? "REVOKED" : w.expires().isBefore(today) ? "EXPIRED" : "ACTIVE";
      rows.add(new GovernanceRow("SERVER_WAIVER", w.id(), w.cluster(), subject,
          scope(new JsonReport.WaiverScope(w.namespace(), w.kind(), w.name())), w.justification(), w.approver(),
          w.expires(), days(today, w.expires()), state, null, null));
    }
    Comparator<GovernanceRow> order = Comparator.comparing(GovernanceRow::ends,
        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(GovernanceRow::cluster)
        .thenComparing(GovernanceRow::subject);
    rows.sort(order);
    List<GovernanceRow> soon = new ArrayList<>();
    List<GovernanceRow> later = new ArrayList<>();
    List<GovernanceRow> ended = new ArrayList<>();
    for (GovernanceRow r : rows) {
      boolean over = r.daysLeft() < 0 || "REVOKED".equals(r.state()) || "EXPIRED".equals(r.state());
      (over ? ended : r.soon() ? soon : later).add(r);
    }
    return new GovernanceView(today, soon, later, ended, clusters);
  }

  private static LocalDate date(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static long days(LocalDate today, LocalDate end) {
    return end == null ? -1 : ChronoUnit.DAYS.between(today, end);
  }

  private static String scope(JsonReport.WaiverScope s) {
    if (s == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (s.namespace() != null) {
      parts.add("namespace=" + s.namespace());
    }
    if (s.kind() != null) {
      parts.add("kind=" + s.kind());
    }
    if (s.name() != null) {
      parts.add("name=" + s.name());
    }
    return String.join(" ", parts);
  }

  public void page(Context ctx) {
    views.render(ctx, "waivers.jte", "Waivers and attestations", "waivers", "view", overview(), "created",
        ctx.queryParam("created"));
  }

  public void api(Context ctx) {
    Json.send(ctx, overview());
  }

  /** An admin adds a waiver from the form. */
  public void create(Context ctx) {
    Principal p = Access.principal(ctx);
    ManagedWaiver w = waivers.create(ctx.formParam("cluster"), ctx.formParam("rule"), ctx.formParam("practice"),
        ctx.formParam("namespace"), ctx.formParam("kind"), ctx.formParam("name"), ctx.formParam("justification"),
        ctx.formParam("approver"), ctx.formParam("expires"), p.actor());
    audit.record(p.actor(), "waiver.create", w.id(), "cluster " + w.cluster() + ", "
        + (w.rule() != null ? "rule " + w.rule() : "practice " + w.practice()) + ", expires " + w.expires());
    ctx.redirect("/waivers?created=" + w.id(), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** An admin revokes a server-kept waiver. */
  public void revoke(Context ctx) {
    Revocations.revoke(ctx, waivers::revoke, "no standing server waiver", audit, "waiver.revoke", "/waivers");
  }

  /**
   * The server's standing, unexpired waivers of one cluster as a waiver file for {@code kubepci scan --waivers}:
   * for the cluster's own ingest token, or a viewer.
   */
  public void waiverFile(Context ctx) {
    String cluster = ctx.pathParam("cluster");
    if (!ClusterName.valid(cluster)) {
      throw ApiError.badRequest("invalid cluster name: " + ClusterName.RULE);
    }
    Principal p = Access.principal(ctx);
    if (p.role() == Role.INGEST && !cluster.equals(p.cluster())) {
      throw new ApiError(403, "this token may not read the waivers of cluster '" + cluster + "'");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Waiver> out = new ArrayList<>();
    for (ManagedWaiver w : waivers.list(cluster)) {
      if (w.revokedAt() == null && !w.expires().isBefore(today)) {
        out.add(new Waiver(w.id(), w.rule(), w.practice(), new Waiver.Scope(w.namespace(), w.kind(), w.name()),
            w.justification(), w.approver(), w.expires(), null, null));
      }
    }
    try {
      ctx.contentType("application/yaml; charset=utf-8").result("# waivers kept on the kubepci server for cluster "
          + cluster + "\n" + YAML.writeValueAsString(Map.of("waivers", out)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
