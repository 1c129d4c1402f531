package dev.kubepci.secrets;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the fingerprints that stand for secret values in reports and snapshots: the first 8 hex digits of
 * HMAC-SHA256(key, value). Without the key a fingerprint cannot be tested against guesses (a plain hash of a 6-digit
 * PIN is reversed in a second); with the same key, the same value always gives the same fingerprint, so one secret
 * reused across objects stays visible. The key is random for each run unless the user gives one (see the README), and
 * never leaves this object: {@link #toString()} does not show it.
 */
public final class RedactionKey {
  /** The fewest bytes accepted for a key the user supplies: shorter keys are guessable. */
  public static final int MIN_LENGTH = 16;

  private final SecretKeySpec key;
  private final String origin;

  private RedactionKey(byte[] key, String origin) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.origin = origin;
  }

  /** A fresh key from the system's secure random source: fingerprints match within one run only. */
  public static RedactionKey random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new RedactionKey(bytes, "random for this run");
  }

  /**
   * A key the user supplies (an installation key, or the fixed key of tests and golden files).
   *
   * @param origin where it came from, for messages (never the key itself)
   * @throws IllegalArgumentException when it is shorter than {@link #MIN_LENGTH} bytes
   */
  public static RedactionKey of(String secret, String origin) {
    byte[] bytes = secret.strip().getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_LENGTH) {
      throw new IllegalArgumentException("the redaction key from " + origin + " is " + bytes.length
          + " bytes long; it needs at least " + MIN_LENGTH);
    }
    return new RedactionKey(bytes, origin);
  }

  /** The first 8 hex digits of HMAC-SHA256 of {@code value} under this key. */
  public String fingerprint(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 4);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /** Where the key came from: {@code random for this run}, or the file or variable the user named. */
  public String origin() {
    return origin;
  }

  @Override
  public String toString() {
    return "RedactionKey(" + origin + ")";
  }
}
