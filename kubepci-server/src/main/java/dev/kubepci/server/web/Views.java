package dev.kubepci.server.web;

import dev.kubepci.server.security.Access;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the jte templates, compiled to Java when the server was built (no template compiler at run time). Every
 * {@code ${...}} is HTML-escaped by jte's Html content type: reports are hostile input.
 */
public final class Views {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Access access;

  public Views(Access access) {
    this.access = access;
  }

  public Frame frame(Context ctx, String title, String section) {
    return new Frame(title, section, Access.principal(ctx), access.csrfFor(ctx));
  }

  /** Renders {@code template} with the page's frame and {@code params} (name, value pairs). */
  public void render(Context ctx, String template, String title, String section, Object... params) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("frame", frame(ctx, title, section));
    for (int i = 0; i < params.length; i += 2) {
      model.put((String) params[i], params[i + 1]);
    }
    StringOutput out = new StringOutput();
    engine.render(template, model, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }
}
