package dev.kubepci.server.security;

import io.javalin.security.RouteRole;

/** What a token may do. A token has exactly one role. */
public enum Role implements RouteRole {
  /** Reads every page and API. */
  VIEWER,
  /** Reads, and creates or revokes tokens and waivers. */
  ADMIN,
  /** Pushes assessments of its one cluster and reads that cluster's server-managed waivers; nothing else. */
  INGEST;

  public boolean reads() {
    return this == VIEWER || this == ADMIN;
  }
}
