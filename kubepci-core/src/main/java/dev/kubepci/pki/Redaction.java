package dev.kubepci.pki;

import dev.kubepci.secrets.RedactionKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How kubepci keeps a secret value it has read from a file (a kubeconfig's token, password or key) without keeping
 * the value: in memory, {@code <redacted digest:SHA256>}; in reports, only {@link #shown} of it, a fingerprint keyed
 * with the run's {@link RedactionKey}, so that a weak secret cannot be found again by hashing guesses. Certificates
 * are public: their {@link #fingerprint} is a plain SHA-256 prefix.
 */
public final class Redaction {
  private static final Pattern DIGEST = Pattern.compile("<redacted digest:([0-9a-f]{64})>");

  private Redaction() {}

  /** The in-memory stand-in for {@code secret}: never printed as such (see {@link #shown}). */
  public static String redact(String secret) {
    return "<redacted digest:" + HexFormat.of().formatHex(sha256(secret)) + ">";
  }

  /**
   * What a report shows for a value {@link #redact} produced: {@code <redacted hmac:1a2b3c4d>}, keyed with {@code key};
   * any other value unchanged.
   */
  public static String shown(String value, RedactionKey key) {
    Matcher m = value == null ? null : DIGEST.matcher(value);
    return m != null && m.matches() ? "<redacted hmac:" + key.fingerprint(m.group(1)) + ">" : value;
  }

  /** The first 8 hex digits of the SHA-256 of {@code value}: for public data such as certificates. */
  public static String fingerprint(String value) {
    return HexFormat.of().formatHex(sha256(value), 0, 4);
  }

  /** True for a value this class produced. */
  public static boolean isRedacted(String value) {
    return value != null && value.startsWith("<redacted ");
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
