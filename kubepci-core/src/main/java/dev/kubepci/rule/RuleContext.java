package dev.kubepci.rule;

import dev.kubepci.config.KubepciConfig;
import dev.kubepci.model.Inventory;
import java.time.Instant;

/**
 * What a rule may read besides the object it checks: the whole inventory, the user's configuration, and the
 * assessment time (from the injected clock, so results are reproducible).
 */
public record RuleContext(Inventory inventory, KubepciConfig config, Instant now) {}
