package dev.kubepci.rules.rbac;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises account names that do not belong to one person: the kubeadm bootstrap user, administrator and root
 * names, and shared team or automation accounts. The part before an {@code @} is what counts.
 */
final class GenericNames {
  private static final Set<String> GENERIC = Set.of("admin", "administrator", "admins", "root", "superuser", "su",
      "sysadmin", "kube-admin", "kubeadmin", "k8s-admin", "cluster-admin", "clusteradmin", "ops", "devops", "sre",
      "operator", "operators", "guest", "test", "tester", "demo", "user", "default", "deploy", "deployer", "ci", "cd",
      "jenkins", "automation", "service", "support", "shared");

  private GenericNames() {}

  /** Why {@code name} is generic, or empty when it looks personal. */
  static Optional<String> why(String name) {
    if ("kubernetes-admin".equals(name)) {
      return Optional.of("kubeadm's generic bootstrap administrator");
    }
    String local = name.toLowerCase(Locale.ROOT);
    int at = local.indexOf('@');
    if (at > 0) {
      local = local.substring(0, at);
    }
    if (GENERIC.contains(local)) {
      return Optional.of("a generic account name");
    }
    if (local.contains("shared") || local.endsWith("-team") || local.startsWith("team-") || local.endsWith("team")) {
      return Optional.of("a shared team account");
    }
    return Optional.empty();
  }
}
