package dev.kubepci.rules.secrets;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in rules about secrets in workloads, configuration and images, sorted by id. */
public final class SecretsRules {
  private SecretsRules() {}

  public static List<Rule> all() {
    return List.of(
        new EnvSecretRule(),
        new ConfigMapSecretRule(),
        new AnnotationSecretRule(),
        new ExposedSecretReportRule());
  }
}
