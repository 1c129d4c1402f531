package dev.kubepci.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How kubepci shows a secret value it has seen without printing it: a short fingerprint (the first 8 hex digits
 * of its SHA-256), enough to tell two credentials apart or find one again, useless to an attacker.
 */
public final class Redaction {
  private Redaction() {}

  /** {@code <redacted sha256:1a2b3c4d>}. */
  public static String redact(String secret) {
    return "<redacted sha256:" + fingerprint(secret) + ">";
  }

  /** The first 8 hex digits of the SHA-256 of {@code value}. */
  public static String fingerprint(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** True for a value this class produced. */
  public static boolean isRedacted(String value) {
    return value != null && value.startsWith("<redacted sha256:");
  }
}
