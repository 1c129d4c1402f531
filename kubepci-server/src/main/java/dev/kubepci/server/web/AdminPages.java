package dev.kubepci.server.web;

import dev.kubepci.server.ApiError;
import dev.kubepci.server.security.Access;
import dev.kubepci.server.security.AuditLog;
import dev.kubepci.server.security.NewToken;
import dev.kubepci.server.security.Principal;
import dev.kubepci.server.security.Role;
import dev.kubepci.server.security.TokenInfo;
import dev.kubepci.server.security.TokenStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** Tokens and the audit log, for admins. Every change is written to the audit log. */
public record AdminPages(TokenStore tokens, AuditLog audit, Views views) {
  private static final int AUDIT_LINES = 500;

  /** The tokens page; {@code created} is the token just made, shown once. */
  public record TokensView(List<TokenInfo> tokens, NewToken created) {}

  public void tokensPage(Context ctx) {
    views.render(ctx, "tokens.jte", "Tokens", "tokens", "view", new TokensView(tokens.list(), null));
  }

  public void tokensApi(Context ctx) {
    Json.send(ctx, tokens.list());
  }

  public void createToken(Context ctx) {
    Principal p = Access.principal(ctx);
    Role role;
    try {
      role = Role.valueOf(String.valueOf(ctx.formParam("role")).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("role: viewer, admin or ingest");
    }
    String cluster = ctx.formParam("cluster");
    cluster = cluster == null || cluster.isBlank() || role != Role.INGEST ? null : cluster.strip();
    NewToken t;
    try {
      t = tokens.create(role, cluster, ctx.formParam("label"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    audit.record(p.actor(), "token.create", t.info().id(), t.info().role() + (cluster == null ? "" : " for cluster "
        + cluster) + ", label " + t.info().label());
    views.render(ctx, "tokens.jte", "Tokens", "tokens", "view", new TokensView(tokens.list(), t));
  }

  public void revokeToken(Context ctx) {
    Revocations.revoke(ctx, tokens::revoke, "no valid token", audit, "token.revoke", "/admin/tokens");
  }

  public void auditPage(Context ctx) {
    views.render(ctx, "audit.jte", "Audit log", "audit", "entries", audit.latest(AUDIT_LINES));
  }

  public void auditApi(Context ctx) {
    Json.send(ctx, audit.latest(AUDIT_LINES));
  }
}
