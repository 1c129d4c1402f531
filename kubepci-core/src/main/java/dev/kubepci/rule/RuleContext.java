package dev.kubepci.rule;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
import dev.kubepci.secrets.RedactionKey;
import dev.kubepci.secrets.SecretScanner;
import java.time.Instant;

/**
 * What a rule may read besides the object it checks: the whole inventory, the user's configuration, the assessment
 * time (from the injected clock, so results are reproducible), and the key that fingerprints secret values (injected
 * for the same reason).
 */
public record RuleContext(Inventory inventory, KubepciConfig config, Instant now, RedactionKey redactionKey) {
  /** The secret scanner whose fingerprints use this run's key. */
  public SecretScanner secrets() {
    return new SecretScanner(redactionKey);
  }
}
