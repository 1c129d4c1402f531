package dev.kubepci.server.security;

import dev.kubepci.server.ClusterName;
import dev.kubepci.server.ServerTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Access tokens in the database, shared by every replica. A token is 32 random bytes; only its SHA-256 is stored
 * (a fast hash is enough for a secret of that entropy: there is nothing to guess), so a copy of the database lets
 * nobody in. Revoking sets a time and is final.
 */
public final class TokenStore {
  static final String PREFIX = "kpci_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_LABEL = 200;

  private final DataSource db;
  private final Clock clock;

  public TokenStore(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Creates a token; an ingest token needs its cluster, the other roles take none. */
  public NewToken create(Role role, String cluster, String label) {
    if (role == Role.INGEST) {
      ClusterName.require(cluster);
    } else if (cluster != null) {
      throw new IllegalArgumentException("only an ingest token names a cluster");
    }
    String name = label == null || label.isBlank() ? defaultLabel(role, cluster) : label.strip();
    if (name.length() > MAX_LABEL || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a token label has at most " + MAX_LABEL + " printable characters");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String id = ServerTable.TOKENS.newId();
    Instant now = clock.instant();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO server_token (id, token_hash, role, cluster, label,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, hash(secret));
      ps.setString(3, role.name());
      ps.setString(4, cluster);
      ps.setString(5, name);
      ps.setTimestamp(6, Timestamp.from(now));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the token: " + e.getMessage(), e);
    }
    return new NewToken(new TokenInfo(id, role, name, cluster, now, null, null), secret);
  }

  private static String defaultLabel(Role role, String cluster) {
    return role == Role.INGEST ? "ingest " + cluster : role.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The valid token with this secret, if any; records its use. */
  public Optional<Principal> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Optional<TokenInfo> found = query("WHERE token_hash = ? AND revoked_at IS NULL", hash(secret));
    found.ifPresent(t -> touch(t.id()));
    return found.map(TokenStore::principal);
  }

  /** The principal of a still-valid token by id (sessions carry the id, and a revoked token ends its sessions). */
  public Optional<Principal> valid(String id) {
    return query("WHERE id = ? AND revoked_at IS NULL", id).map(TokenStore::principal);
  }

  private static Principal principal(TokenInfo t) {
    return new Principal(t.id(), t.role(), t.label(), t.cluster());
  }

  private Optional<TokenInfo> query(String where, String arg) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(SELECT + where)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read tokens: " + e.getMessage(), e);
    }
  }

  private static final String SELECT =
      "SELECT id, role, label, cluster, created_at, revoked_at, last_used_at FROM server_token ";

  /** Every token, newest first, revoked ones included (the list is part of the audit trail). */
  public List<TokenInfo> list() {
    List<TokenInfo> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY created_at DESC, id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(row(rs));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read tokens: " + e.getMessage(), e);
    }
    return out;
  }

  /** Revokes a token; false when there is no such valid token (or {@code id} is not a token id). */
  public boolean revoke(String id) {
    return ServerTable.TOKENS.revoke(db, id, clock.instant());
  }

  /** True when no admin token is valid (a fresh server prints one). */
  public boolean noAdmin() {
    return list().stream().noneMatch(t -> t.role() == Role.ADMIN && !t.revoked());
  }

  private void touch(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE server_token SET last_used_at = ? WHERE id = ?")) {
      ps.setTimestamp(1, Timestamp.from(clock.instant()));
      ps.setString(2, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not update the token: " + e.getMessage(), e);
    }
  }

  private static TokenInfo row(ResultSet rs) throws SQLException {
    return new TokenInfo(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
