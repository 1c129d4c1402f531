package dev.kubepci.server.web;

import dev.kubepci.server.ApiError;
import dev.kubepci.server.security.Access;
import dev.kubepci.server.security.AuditLog;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Predicate;

/** An admin revoking a token or a server waiver from its list page. */
final class Revocations {
  private Revocations() {}

  /**
   * Revokes what the path's {@code id} names, records it in the audit log as {@code action} and goes back to
   * {@code listPage}; an id that names nothing revocable is a 404 ({@code notFound} " with id " the id).
   */
  static void revoke(Context ctx, Predicate<String> revoke, String notFound, AuditLog audit, String action,
      String listPage) {
    String actor = Access.principal(ctx).actor();
    String id = ctx.pathParam("id");
    if (!revoke.test(id)) {
      throw ApiError.notFound(notFound + " with id " + id);
    }
    audit.record(actor, action, id, null);
    ctx.redirect(listPage, HttpStatus.SEE_OTHER);
  }
}
