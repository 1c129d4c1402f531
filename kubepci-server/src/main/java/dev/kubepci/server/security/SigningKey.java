package dev.kubepci.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The HMAC key that signs session cookies and CSRF tokens. It lives in the database, so every replica that shares
 * the database verifies what another one signed; the first replica to start creates it.
 */
public final class SigningKey {
  private static final String NAME = "session-hmac";
  private final byte[] key;

  private SigningKey(byte[] key) {
    this.key = key.clone();
  }

  /** The shared key, created on first use. */
  public static SigningKey load(DataSource db) {
    try (Connection c = db.getConnection()) {
      byte[] existing = read(c);
      if (existing != null) {
        return new SigningKey(existing);
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)")) {
        ps.setString(1, NAME);
        ps.setString(2, Base64.getEncoder().encodeToString(fresh));
        ps.setTimestamp(3, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        return new SigningKey(fresh);
      } catch (SQLException raced) {
        // another replica created it between our read and our insert: use theirs
        byte[] theirs = read(c);
        if (theirs == null) {
          throw raced;
        }
        return new SigningKey(theirs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not load the session signing key: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM server_secret WHERE name = ?")) {
      ps.setString(1, NAME);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Base64.getDecoder().decode(rs.getString(1)) : null;
      }
    }
  }

  /** Base64url HMAC-SHA256 of {@code purpose} and {@code value} (the purpose keeps signatures of one kind from
   * passing as another). */
  public String sign(String purpose, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time check of a signature. */
  public boolean verify(String purpose, String value, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }
}
