package dev.kubepci.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Revoking a row of the server's own tables (tokens, waivers): its {@code revoked_at} is set once, never cleared. */
public final class Revocation {
  private Revocation() {}

  /**
   * Marks row {@code id} of {@code table} revoked at {@code at}.
   *
   * @param what the row's kind in the error message ("token")
   * @return false when there is no such row or it is already revoked
   */
  public static boolean revoke(DataSource db, String table, String what, String id, Instant at) {
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
}
