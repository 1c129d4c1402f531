package dev.kubepci.rules.image;

import dev.kubepci.rule.Rule;
import java.util.List;

/** The built-in image supply-chain rules, sorted by id. */
public final class ImageRules {
  private ImageRules() {}

  public static List<Rule> all() {
    return List.of(
        new ImageNotPinnedRule(),
        new UntrustedRegistryRule(),
        new SignatureVerificationRule());
  }
}
