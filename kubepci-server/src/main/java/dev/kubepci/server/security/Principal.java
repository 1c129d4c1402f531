package dev.kubepci.server.security;

/**
 * Who is calling: the token they presented (directly, or through the session it opened).
 *
 * @param tokenId the token's public id (never the token itself)
 * @param label what the admin called the token when creating it
 * @param cluster the cluster an ingest token may push to; null for other roles
 */
public record Principal(String tokenId, Role role, String label, String cluster) {

  /** How the audit log names the actor. */
  public String actor() {
    return tokenId + " (" + label + ")";
  }
}
