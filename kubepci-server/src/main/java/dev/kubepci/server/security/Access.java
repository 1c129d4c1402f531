package dev.kubepci.server.security;

import dev.kubepci.server.ApiError;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication, authorisation and CSRF for every request, with nothing kept in the process: a caller is either a
 * bearer token (the API, ingest, Prometheus) or a browser with a signed session cookie that names its token. A
 * state-changing request from a browser must carry the CSRF token derived from its session (or, before signing in,
 * from its signed pre-session nonce); a bearer request carries no ambient credential, so a forged cross-site request
 * cannot carry one either.
 */
public final class Access {
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String PRINCIPAL = "kubepci.principal";
  private static final String SESSION = "kubepci.session";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenStore tokens;
  private final SigningKey key;
  private final Clock clock;
  private final Duration sessionTtl;
  private final boolean secure;
  private final String sessionCookie;
  private final String preCookie;

  public Access(TokenStore tokens, SigningKey key, Clock clock, Duration sessionTtl, boolean secure) {
    this.tokens = tokens;
    this.key = key;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
    this.secure = secure;
    // the __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and for the whole site
    this.sessionCookie = secure ? "__Host-kpci_session" : "kpci_session";
    this.preCookie = secure ? "__Host-kpci_pre" : "kpci_pre";
  }

  /** Runs before every matched route: who is calling, may they, and did a browser's change carry its CSRF token. */
  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    boolean changes = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
        && ctx.method() != HandlerType.OPTIONS;
    String bearer = bearer(ctx);
    Principal principal = null;
    Session session = null;
    if (bearer != null) {
      principal = tokens.authenticate(bearer).orElseThrow(() -> new ApiError(401, "the bearer token is not valid"
          + " (unknown or revoked)"));
    } else {
      session = Session.fromCookie(ctx.cookie(sessionCookie), key, clock.instant()).orElse(null);
      if (session != null) {
        principal = tokens.valid(session.tokenId()).orElse(null);
        if (principal == null) {
          session = null;
        }
      }
    }
    ctx.attribute(PRINCIPAL, principal);
    ctx.attribute(SESSION, session);
    if (!roles.isEmpty() && principal == null) {
      if (!changes && wantsHtml(ctx)) {
        ctx.redirect("/login");
        ctx.skipRemainingHandlers();
        return;
      }
      throw new ApiError(401, "sign in, or send a token as 'Authorization: Bearer TOKEN'");
    }
    if (changes && bearer == null) {
      sameOrigin(ctx);
      String expected = session != null ? csrfToken(session) : preToken(ctx.cookie(preCookie));
      String given = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> formField(ctx));
      if (expected == null || given == null || !java.security.MessageDigest.isEqual(
          expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          given.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
        throw new ApiError(403, "the request carries no valid CSRF token (reload the page and try again)");
      }
    }
    if (!roles.isEmpty() && !allowed(principal.role(), roles)) {
      String role = principal.role().name().toLowerCase(java.util.Locale.ROOT);
      throw new ApiError(403, (role.matches("[aeiou].*") ? "an " : "a ") + role + " token may not do this");
    }
  }

  private static String formField(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return null;
    }
    return ctx.formParam(CSRF_FIELD);
  }

  /** A browser's change must come from a page of this server: a cross-site Origin is refused outright. */
  private static void sameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    String host = ctx.header("Host");
    try {
      URI o = URI.create(origin);
      String authority = o.getPort() == -1 ? o.getHost() : o.getHost() + ":" + o.getPort();
      if (host != null && host.equalsIgnoreCase(authority)) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // an Origin that is no URI is not ours
    }
    throw new ApiError(403, "cross-origin request refused");
  }

  static boolean allowed(Role role, Set<RouteRole> roles) {
    return roles.contains(role) || role == Role.ADMIN && roles.contains(Role.VIEWER);
  }

  private static boolean wantsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return !ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics")
        && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null) {
      return null;
    }
    if (!h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "only 'Authorization: Bearer TOKEN' is accepted");
    }
    return h.substring(7).strip();
  }

  /** The caller, or null on a public route without credentials. */
  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /** The CSRF token forms of this page must carry: from the session, or from a fresh pre-session nonce. */
  public String csrfFor(Context ctx) {
    Session s = ctx.attribute(SESSION);
    if (s != null) {
      return csrfToken(s);
    }
    String nonce = ctx.cookie(preCookie);
    if (nonce == null || nonce.length() != 22) {
      byte[] n = new byte[16];
      RANDOM.nextBytes(n);
      nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(n);
      setCookie(ctx, preCookie, nonce, 3600);
    }
    return preToken(nonce);
  }

  private String csrfToken(Session s) {
    return key.sign("csrf", s.nonce());
  }

  private String preToken(String nonce) {
    return nonce == null ? null : key.sign("csrf-pre", nonce);
  }

  /** Signs in with a token typed into the sign-in form; a viewer or admin token only. */
  public Optional<Principal> signIn(Context ctx, String token) {
    Optional<Principal> p = tokens.authenticate(token == null ? null : token.strip())
        .filter(x -> x.role().reads());
    p.ifPresent(x -> {
      Session s = Session.open(x.tokenId(), clock.instant().plus(sessionTtl));
      setCookie(ctx, sessionCookie, s.toCookie(key), (int) sessionTtl.toSeconds());
      setCookie(ctx, preCookie, "", 0);
    });
    return p;
  }

  public void signOut(Context ctx) {
    setCookie(ctx, sessionCookie, "", 0);
  }

  private void setCookie(Context ctx, String name, String value, int maxAge) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly;"
        + " SameSite=Strict" + (secure ? "; Secure" : ""));
  }
}
