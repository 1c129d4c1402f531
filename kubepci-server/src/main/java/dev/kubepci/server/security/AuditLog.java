package dev.kubepci.server.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Who did what as an admin: token and waiver changes, and sign-ins. Append-only from the server's side. */
public final class AuditLog {
  private final DataSource db;
  private final Clock clock;

  /** One line of the log. */
  public record Entry(long id, Instant at, String actor, String action, String target, String detail) {}

  public AuditLog(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void record(String actor, String action, String target, String detail) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "INSERT INTO server_audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, cut(actor, 300));
      ps.setString(3, cut(action, 64));
      ps.setString(4, cut(target, 300));
      ps.setString(5, cut(detail, 2000));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the audit log: " + e.getMessage(), e);
    }
  }

  /** The newest entries first. */
  public List<Entry> latest(int limit) {
    List<Entry> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT id, at, actor, action, target, detail FROM server_audit ORDER BY id DESC")) {
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the audit log: " + e.getMessage(), e);
    }
    return out;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
