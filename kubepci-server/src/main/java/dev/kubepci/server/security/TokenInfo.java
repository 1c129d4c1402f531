package dev.kubepci.server.security;

import java.time.Instant;

/**
 * A token as listed: everything but the secret, which is stored only as its SHA-256.
 *
 * @param cluster the cluster of an ingest token, null otherwise
 * @param revokedAt null while the token is valid
 * @param lastUsedAt null when never used
 */
public record TokenInfo(String id, Role role, String label, String cluster, Instant createdAt, Instant revokedAt,
    Instant lastUsedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
