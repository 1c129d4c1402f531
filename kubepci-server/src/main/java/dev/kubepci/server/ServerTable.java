package dev.kubepci.server;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * One of the server's own tables whose rows an admin revokes (tokens, waivers): each row is named by a random id,
 * the table's prefix and 12 hex digits ({@code tok-1a2b3c4d5e6f}), and its {@code revoked_at} is set once, never
 * cleared.
 *
 * @param table the SQL table
 * @param what the row's kind in error messages ("token")
 * @param idPrefix what the table's ids start with
 */
public record ServerTable(String table, String what, String idPrefix) {
  public static final ServerTable TOKENS = new ServerTable("server_token", "token", "tok-");
  public static final ServerTable WAIVERS = new ServerTable("server_waiver", "waiver", "srv-");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int ID_BYTES = 6;

  /** A new row id. */
  public String newId() {
    byte[] raw = new byte[ID_BYTES];
    RANDOM.nextBytes(raw);
    return idPrefix + HexFormat.of().formatHex(raw);
  }

  /**
   * Marks row {@code id} revoked at {@code at}.
   *
   * @return false when {@code id} is not one of this table's ids, there is no such row, or it is already revoked
   */
  public boolean revoke(DataSource db, String id, Instant at) {
    if (!isId(id)) {
      return false;
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE " + table + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setString(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not revoke the " + what + ": " + e.getMessage(), e);
    }
  }

  private boolean isId(String id) {
    return id.length() == idPrefix.length() + 2 * ID_BYTES && id.startsWith(idPrefix)
        && id.chars().skip(idPrefix.length()).allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
  }
}
