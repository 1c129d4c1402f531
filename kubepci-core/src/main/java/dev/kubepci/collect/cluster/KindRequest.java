package dev.kubepci.collect.cluster;

import java.util.Objects;

/**
 * A kind to collect, as a rule names it in {@code reads}: {@code Pod} (a built-in kind, group looked up),
 * {@code kyverno.io/ClusterPolicy} (a kind of a named group), or {@code constraints.gatekeeper.sh/*} (every kind of a
 * group, for add-ons that create kinds at run time such as Gatekeeper constraints).
 *
 * @param group null for a plain kind name
 */
public record KindRequest(String read, String group, String kind) {
  public KindRequest {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(kind, "kind");
  }

  public static KindRequest parse(String read) {
    int slash = read.lastIndexOf('/');
    if (slash < 0) {
      return new KindRequest(read, null, read);
    }
    return new KindRequest(read, read.substring(0, slash), read.substring(slash + 1));
  }

  public boolean isWildcard() {
    return "*".equals(kind);
  }
}
