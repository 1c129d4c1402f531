package dev.kubepci.server.governance;

import dev.kubepci.server.ApiError;
import dev.kubepci.server.ClusterName;
import dev.kubepci.server.ServerTable;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Waivers kept on the server by admins, per cluster; revoking keeps the row (it is part of the audit trail). */
public final class WaiverStore {
  /** A waiver is an accepted risk for a while, not for ever: a year at most, as PCI DSS reviews them yearly. */
  static final int MAX_DAYS = 366;

  private final DataSource db;
  private final Clock clock;

  public WaiverStore(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Checks and stores a waiver; every problem is a 400 that names the field. */
  public ManagedWaiver create(String cluster, String rule, String practice, String namespace, String kind,
      String name, String justification, String approver, String expires, String actor) {
    if (!ClusterName.valid(cluster)) {
      throw ApiError.badRequest("cluster: " + ClusterName.RULE);
    }
    rule = field("rule", rule, 100);
    practice = field("practice", practice, 16);
    if ((rule == null) == (practice == null)) {
      throw ApiError.badRequest("name exactly one of rule and practice");
    }
    if (practice != null && !practice.matches("\\d{1,2}\\.\\d{1,2}")) {
      throw ApiError.badRequest("practice: a practice id such as 2.1");
    }
    justification = field("justification", justification, 2000);
    approver = field("approver", approver, 200);
    if (justification == null || approver == null) {
      throw ApiError.badRequest("a waiver needs a justification and an approver");
    }
    LocalDate until;
    try {
      until = LocalDate.parse(expires == null ? "" : expires.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiError.badRequest("expires: a date such as 2027-03-31");
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (!until.isAfter(today) || until.isAfter(today.plusDays(MAX_DAYS))) {
      throw ApiError.badRequest("expires: a date after today and at most a year ahead");
    }
    ManagedWaiver w = new ManagedWaiver(ServerTable.WAIVERS.newId(), cluster, rule, practice,
        field("namespace", namespace, 253), field("kind", kind, 100), field("name", name, 253), justification,
        approver, until, clock.instant(), actor, null);
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO server_waiver (id, cluster, rule_ref, practice,"
            + " ns_pattern, kind_pattern, name_pattern, justification, approver, expires, created_at, created_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, w.id());
      ps.setString(2, w.cluster());
      ps.setString(3, w.rule());
      ps.setString(4, w.practice());
      ps.setString(5, w.namespace());
      ps.setString(6, w.kind());
      ps.setString(7, w.name());
      ps.setString(8, w.justification());
      ps.setString(9, w.approver());
      ps.setDate(10, Date.valueOf(w.expires()));
      ps.setTimestamp(11, Timestamp.from(w.createdAt()));
      ps.setString(12, w.createdBy());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the waiver: " + e.getMessage(), e);
    }
    return w;
  }

  private static String field(String name, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max || v.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n')) {
      throw ApiError.badRequest(name + ": at most " + max + " printable characters");
    }
    return v;
  }

  /** Every waiver, standing ones first, by expiry. */
  public List<ManagedWaiver> list(String cluster) {
    String sql = "SELECT id, cluster, rule_ref, practice, ns_pattern, kind_pattern, name_pattern, justification,"
        + " approver, expires, created_at, created_by, revoked_at FROM server_waiver"
        + (cluster == null ? "" : " WHERE cluster = ?") + " ORDER BY expires, id";
    List<ManagedWaiver> out = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (cluster != null) {
        ps.setString(1, cluster);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp revoked = rs.getTimestamp(13);
          out.add(new ManagedWaiver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
              rs.getDate(10).toLocalDate(), rs.getTimestamp(11).toInstant(), rs.getString(12),
              revoked == null ? null : revoked.toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read waivers: " + e.getMessage(), e);
    }
    return out;
  }

  /** Revokes a standing waiver; false when there is none with that id (or {@code id} is not a waiver id). */
  public boolean revoke(String id) {
    return ServerTable.WAIVERS.revoke(db, id, clock.instant());
  }
}
