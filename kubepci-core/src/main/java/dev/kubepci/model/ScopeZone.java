package dev.kubepci.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an object sits in the PCI scope the configuration declares: the cardholder data environment, systems
 * connected to it, cluster-wide objects that serve every namespace, or the rest. Without a declared scope every
 * object is {@link #UNSCOPED}, and the whole cluster is treated as in scope. Reports write the {@link #label()}.
 */
public enum ScopeZone {
  /** The cardholder data environment. */
  CDE("cde"),
  /** Systems connected to the CDE. */
  CONNECTED("connected"),
  /** Cluster-wide objects that serve every namespace, and findings about the cluster as a whole. */
  SHARED("shared"),
  /** Declared scope, and this object is in none of its zones. */
  OUT_OF_SCOPE("out-of-scope"),
  /** No CDE is declared. */
  UNSCOPED("unscoped");

  private final String label;

  ScopeZone(String label) {
    this.label = label;
  }

  /** How reports and configuration write it: {@code cde}, {@code connected}, {@code shared} ... */
  @JsonValue
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
