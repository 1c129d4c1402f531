package dev.kubepci.server.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A signed-in browser: the token it signed in with, when the session ends, and a random nonce that its CSRF token
 * is derived from. The cookie carries all of it, signed; the server keeps no session table, and a revoked token
 * ends its sessions because every request looks the token up.
 */
public record Session(String tokenId, Instant expires, String nonce) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PURPOSE = "session";

  public static Session open(String tokenId, Instant expires) {
    byte[] n = new byte[16];
    RANDOM.nextBytes(n);
    return new Session(tokenId, expires, Base64.getUrlEncoder().withoutPadding().encodeToString(n));
  }

  /** The cookie value: {@code tokenId.expiryEpochSecond.nonce.signature}. */
  public String toCookie(SigningKey key) {
    String body = tokenId + "." + expires.getEpochSecond() + "." + nonce;
    return body + "." + key.sign(PURPOSE, body);
  }

  /** The session a cookie carries, when its signature holds and it has not expired. */
  public static Optional<Session> fromCookie(String cookie, SigningKey key, Instant now) {
    if (cookie == null || cookie.length() > 300) {
      return Optional.empty();
    }
    String[] parts = cookie.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    if (!key.verify(PURPOSE, body, parts[3])) {
      return Optional.empty();
    }
    Instant expires;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(parts[1]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return now.isBefore(expires) ? Optional.of(new Session(parts[0], expires, parts[2])) : Optional.empty();
  }
}
