package dev.kubepci.rules.scope;

import dev.kubepci.config.KubepciConfig;
import java.util.List;

/** Configurations for the segmentation tests: CDE namespace "pay", connected namespace "edge". */
final class ScopeConfigs {
  static final KubepciConfig PAY = new KubepciConfig(new KubepciConfig.Scope(
      new KubepciConfig.Selection(List.of("pay"), List.of()),
      new KubepciConfig.Selection(List.of("edge"), List.of())), null, null);

  private ScopeConfigs() {}
}
