package dev.kubepci.rules.admission;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in admission-control rules, sorted by id. */
public final class AdmissionRules {
  private AdmissionRules() {}

  public static List<Rule> all() {
    return List.of(
        new PodSecurityReadinessRule(),
        new AdmissionCoverageRule(),
        new AdmissionFailOpenRule());
  }
}
