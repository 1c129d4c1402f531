package dev.kubepci.server;

import dev.kubepci.server.governance.WaiverStore;
import dev.kubepci.server.ingest.Ingest;
import dev.kubepci.server.metrics.Metrics;
import dev.kubepci.server.security.Access;
import dev.kubepci.server.security.AuditLog;
import dev.kubepci.server.security.Principal;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.SigningKey;
import dev.kubepci.server.security.TokenStore;
import dev.kubepci.server.web.AdminPages;
import dev.kubepci.server.web.FindingsPages;
import dev.kubepci.server.web.FleetPages;
import dev.kubepci.server.web.GovernancePages;
import dev.kubepci.server.web.Json;
import dev.kubepci.server.web.Views;
import dev.kubepci.store.AssessmentStore;
import dev.kubepci.store.StoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every route of the server, with the role it needs. The OpenAPI document describes the API routes. */
final class Routes {
  static final String OPENAPI = "/dev/kubepci/server/api/openapi.yaml";
  private final ServerSettings settings;
  private final Access access;
  private final TokenStore tokens;
  private final AuditLog audit;
  private final Views views;
  private final FleetPages fleet;
  private final FindingsPages findings;
  private final GovernancePages governance;
  private final AdminPages admin;
  private final Ingest ingest;
  private final Metrics metrics;
  private final java.util.List<String> endpoints = new java.util.ArrayList<>();

  Routes(ServerSettings settings, AssessmentStore store) {
    this.settings = settings;
    this.tokens = new TokenStore(store.dataSource(), settings.clock());
    this.audit = new AuditLog(store.dataSource(), settings.clock());
    this.access = new Access(tokens, SigningKey.load(store.dataSource()), settings.clock(), settings.sessionTtl(),
        settings.cookiesSecure());
    this.views = new Views(access);
    this.fleet = new FleetPages(store, views, settings.clock(), settings.staleAfter());
    this.findings = new FindingsPages(store, views);
    this.governance = new GovernancePages(store, new WaiverStore(store.dataSource(), settings.clock()), audit, views,
        settings.clock());
    this.admin = new AdminPages(tokens, audit, views);
    this.ingest = new Ingest(store, settings.maxReportBytes(), settings.clock());
    this.metrics = new Metrics(store);
  }

  void register(JavalinConfig config) {
    config.staticFiles.add(s -> {
      s.hostedPath = "/static";
      s.directory = "/dev/kubepci/server/static";
      s.location = Location.CLASSPATH;
      s.headers = Map.of("Cache-Control", "max-age=3600");
    });
    RoutesConfig r = config.routes;
    r.before(this::headers);
    r.beforeMatched(access::check);

    get(r, "/", ctx -> ctx.redirect("/fleet"));
    get(r, "/healthz", ctx -> ctx.result("ok"));
    get(r, "/api/openapi.yaml", this::openApi);
    get(r, "/login", ctx -> views.render(ctx, "login.jte", "Sign in", "login", "error", null));
    post(r, "/login", this::login);
    post(r, "/logout", this::logout, Role.VIEWER);

    get(r, "/fleet", fleet::fleetPage, Role.VIEWER);
    get(r, "/api/v1/fleet", fleet::fleetApi, Role.VIEWER);
    get(r, "/clusters/{cluster}", fleet::trendPage, Role.VIEWER);
    get(r, "/api/v1/clusters/{cluster}/trend", fleet::trendApi, Role.VIEWER);
    get(r, "/assessments/{id}", fleet::assessmentPage, Role.VIEWER);
    get(r, "/api/v1/assessments/{id}", fleet::assessmentApi, Role.VIEWER);
    get(r, "/assessments/{id}/findings", findings::findingsPage, Role.VIEWER);
    get(r, "/api/v1/assessments/{id}/findings", findings::findingsApi, Role.VIEWER);
    get(r, "/assessments/{id}/findings.csv", findings::findingsCsv, Role.VIEWER);
    get(r, "/assessments/{id}/report.json", findings::exportJson, Role.VIEWER);
    get(r, "/api/v1/assessments/{id}/report", findings::exportFormat, Role.VIEWER);
    get(r, "/assessments/{id}/report.html", findings::exportHtml, Role.VIEWER);
    get(r, "/assessments/{id}/report", findings::exportFormat, Role.VIEWER);
    get(r, "/compare", findings::comparePage, Role.VIEWER);
    get(r, "/api/v1/compare", findings::compareApi, Role.VIEWER);
    get(r, "/waivers", governance::page, Role.VIEWER);
    get(r, "/api/v1/waivers", governance::api, Role.VIEWER);
    post(r, "/waivers", governance::create, Role.ADMIN);
    post(r, "/waivers/{id}/revoke", governance::revoke, Role.ADMIN);
    get(r, "/api/v1/clusters/{cluster}/waivers", governance::waiverFile, Role.VIEWER, Role.INGEST);
    post(r, "/api/v1/clusters/{cluster}/assessments", ingest::handle, Role.INGEST);
    get(r, "/admin/tokens", admin::tokensPage, Role.ADMIN);
    get(r, "/api/v1/tokens", admin::tokensApi, Role.ADMIN);
    post(r, "/admin/tokens", admin::createToken, Role.ADMIN);
    post(r, "/admin/tokens/{id}/revoke", admin::revokeToken, Role.ADMIN);
    get(r, "/admin/audit", admin::auditPage, Role.ADMIN);
    get(r, "/api/v1/audit", admin::auditApi, Role.ADMIN);
    get(r, "/metrics", metrics::handle, Role.VIEWER);

    r.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    r.exception(StoreException.UnknownAssessment.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
    r.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    r.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error; the server log has the details"));
    r.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 404, "no such page: " + ctx.path());
      }
    });
    r.error(413, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        error(ctx, 413, "the request is larger than the server accepts");
      }
    });
  }

  private void get(RoutesConfig r, String path, io.javalin.http.Handler h, io.javalin.security.RouteRole... roles) {
    endpoints.add("GET " + path);
    r.get(path, h, roles);
  }

  private void post(RoutesConfig r, String path, io.javalin.http.Handler h, io.javalin.security.RouteRole... roles) {
    endpoints.add("POST " + path);
    r.post(path, h, roles);
  }

  /** What the server was started with. */
  ServerSettings settings() {
    return settings;
  }

  /** Every route, {@code METHOD /path/{param}}, in registration order. */
  java.util.List<String> endpoints() {
    return java.util.List.copyOf(endpoints);
  }

  /** Security headers on every response, errors included. */
  private void headers(Context ctx) {
    ctx.header("Content-Security-Policy", FleetServer.CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    if (!ctx.path().startsWith("/static/")) {
      ctx.header("Cache-Control", "no-store");
    }
    if (settings.tls() != null) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }

  private void login(Context ctx) {
    String token = ctx.formParam("token");
    Principal p = access.signIn(ctx, token).orElse(null);
    if (p == null) {
      ctx.status(401);
      views.render(ctx, "login.jte", "Sign in", "login", "error",
          "That token is not a valid viewer or admin token.");
      return;
    }
    audit.record(p.actor(), "session.sign-in", p.tokenId(), null);
    ctx.redirect("/fleet", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    access.signOut(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void openApi(Context ctx) throws IOException {
    try (InputStream in = Routes.class.getResourceAsStream(OPENAPI)) {
      if (in == null) {
        throw new ApiError(404, "the OpenAPI document is not packaged");
      }
      ctx.contentType("application/yaml").result(in.readAllBytes());
    }
  }

  private void error(Context ctx, int status, String message) {
    discardUnreadBody(ctx);
    ctx.status(status);
    boolean api = ctx.path().startsWith("/api/") || ctx.path().equals("/metrics")
        || ctx.header("Authorization") != null;
    if (api) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status);
      body.put("error", message);
      Json.send(ctx, body);
    } else {
      ctx.header("Content-Security-Policy", FleetServer.CSP);
      views.render(ctx, "error.jte", "Error " + status, "error", "status", status, "message", message);
      ctx.status(status);
    }
  }

  /**
   * Reads and drops what is left of a refused request's body (a push whose token is refused is answered before its
   * report is read; an oversized one is answered once the limit is passed), up to twice the largest report the
   * server accepts: a client still sending when the server closed the connection would lose the answer to a reset.
   * A body of no declared length (chunked) or declared larger than that is left unread, and the connection closes as
   * before: no client holds a server thread with a body it never declared.
   */
  private void discardUnreadBody(Context ctx) {
    long left = ctx.req().getContentLengthLong();
    if (left <= 0 || left > 2 * settings.maxReportBytes()) {
      return;
    }
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buf = new byte[64 * 1024];
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | IllegalStateException e) {
      // nothing left to read, or the body was read as a form or a reader: the answer goes out either way
    }
  }
}
