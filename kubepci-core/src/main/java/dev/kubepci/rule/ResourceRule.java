package dev.kubepci.rule;

import dev.kubepci.model.Resource;
import java.util.List;

/** A rule about one object of the kinds it applies to; it may read others through the context's inventory. */
public non-sealed interface ResourceRule extends Rule {
  boolean appliesTo(Resource resource);

  /** The violations of {@code resource}; empty when it passes. */
  List<Violation> check(Resource resource, RuleContext context);

  /** The NOT_APPLICABLE reason when no object it applies to is in the input; null for the engine's wording. */
  default String nothingToCheck() {
    return null;
  }

  /** {@link #nothingToCheck()} when the wording depends on the configuration (a declared CDE, say). */
  default String nothingToCheck(RuleContext context) {
    return nothingToCheck();
  }
}
