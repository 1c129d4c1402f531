package dev.kubepci.server.web;

import dev.kubepci.server.ApiError;
import io.javalin.http.Context;

/** Query and path parameters, checked: a bad one is a 400 that names it. */
final class Params {
  private Params() {}

  static long id(Context ctx) {
    return longValue("id", ctx.pathParam("id"));
  }

  static long longValue(String name, String raw) {
    try {
      long v = Long.parseLong(raw);
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("'" + name + "' must be a positive number");
    }
  }

  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("'" + name + "' must be a number from " + min + " to " + max);
    }
  }

  /** A text filter: at most {@code max} characters, no control characters. */
  static String text(Context ctx, String name, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String v = raw.strip();
    if (v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("'" + name + "' must be at most " + max + " printable characters");
    }
    return v;
  }
}
