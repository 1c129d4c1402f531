package dev.kubepci.rules.auth;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;

/** Paths and fields of the kubeconfig evidence objects ({@code KubeconfigUser}, {@code KubeconfigCluster}). */
final class KubeconfigEntries {
  static final String NO_KUBECONFIG = "no kubeconfig in the input (give one with scan --kubeconfig-file FILE)";

  private KubeconfigEntries() {}

  /** {@code users[i].user} or {@code clusters[i].cluster}: where the entry sits in its kubeconfig. */
  static FieldPath base(Resource entry) {
    int index = ((Number) entry.field("spec", "index").orElse(0)).intValue();
    return "KubeconfigUser".equals(entry.kind())
        ? FieldPath.root().child("users").index(index).child("user")
        : FieldPath.root().child("clusters").index(index).child("cluster");
  }

  static boolean has(Resource entry, String... path) {
    String[] full = new String[path.length + 2];
    full[0] = "spec";
    full[1] = "KubeconfigUser".equals(entry.kind()) ? "user" : "cluster";
    System.arraycopy(path, 0, full, 2, path.length);
    return entry.field(full).isPresent();
  }

  static String value(Resource entry, String field) {
    String section = "KubeconfigUser".equals(entry.kind()) ? "user" : "cluster";
    return entry.string("spec", section, field).orElse(null);
  }

  /** {@code user "ci" (contexts ci@prod)} for messages. */
  static String describe(Resource entry) {
    String what = "KubeconfigUser".equals(entry.kind()) ? "user" : "cluster";
    java.util.List<?> contexts = entry.list("spec", "contexts");
    return "kubeconfig " + what + " \"" + entry.name() + "\""
        + (contexts.isEmpty() ? "" : " (context " + String.join(", ", contexts.stream().map(String::valueOf).toList())
        + ")");
  }
}
