package dev.kubepci.rule;

import dev.kubepci.model.Resource;
import java.util.List;
import java.util.Optional;

/**
 * A rule about one object of the kinds it applies to; it may read others through the context's inventory. The
 * kinds, and what to answer without any, are declared on the class ({@link EachObject}); a rule whose objects no
 * list of kinds describes writes {@link #appliesTo} instead.
 */
public non-sealed interface ResourceRule extends Rule {
  /** True for an object the rule checks: by default one of the kinds the class declares ({@link EachObject}). */
  default boolean appliesTo(Resource resource) {
    return ObjectTarget.required(getClass()).matches(resource);
  }

  /** The violations of {@code resource}; empty when it passes. */
  List<Violation> check(Resource resource, RuleContext context);

  /**
   * The NOT_APPLICABLE reason when no object it applies to is in the input; null for the engine's wording. By default
   * the declared {@link EachObject#ifNone()}.
   */
  default String nothingToCheck() {
    return ObjectTarget.of(getClass()).map(ObjectTarget::ifNone).orElse(null);
  }

  /** {@link #nothingToCheck()} when the wording depends on the configuration (a declared CDE, say). */
  default String nothingToCheck(RuleContext context) {
    return nothingToCheck();
  }

  /**
   * By default NOT_ASSESSED with the declared {@link EachObject#ifAbsent()} when no object of its kinds is in the
   * input.
   */
  @Override
  default Optional<Outcome> precheck(RuleContext context) {
    return ObjectTarget.of(getClass()).flatMap(t -> t.absent(context.inventory()));
  }
}
