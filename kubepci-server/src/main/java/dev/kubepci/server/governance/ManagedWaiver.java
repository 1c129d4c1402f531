package dev.kubepci.server.governance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A waiver an admin keeps on the server for one cluster: the same fields as a waiver file entry, served to the
 * cluster's scans as a waiver file.
 *
 * @param rule the rule id or name it covers; null when it covers a practice
 * @param practice the practice it covers; null when it covers a rule
 * @param revokedAt null while it stands
 */
public record ManagedWaiver(String id, String cluster, String rule, String practice, String namespace, String kind,
    String name, String justification, String approver, LocalDate expires, Instant createdAt, String createdBy,
    Instant revokedAt) {}
