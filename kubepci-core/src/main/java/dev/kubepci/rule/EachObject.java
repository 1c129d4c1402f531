package dev.kubepci.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which objects a {@link ResourceRule} checks, and what the engine answers when there are none, instead of
 * its {@link ResourceRule#appliesTo}, {@link ResourceRule#nothingToCheck()} and {@link Rule#precheck} methods. A rule
 * whose objects no list of kinds describes (every kind but Secret, say) writes {@code appliesTo} instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EachObject {
  /**
   * The kinds of the objects checked, named as {@link RuleInfo#reads()} names them: {@code Node} for a core kind,
   * {@code networking.k8s.io/Ingress} for another API group; the group {@code *} matches a kind of any API group
   * (the Node rules take Rancher's {@code management.cattle.io} Node too, as {@code Inventory.ofKind("Node")} does).
   */
  String[] value();

  /** The NOT_APPLICABLE reason when no object was checked; empty for the engine's wording. */
  String ifNone() default "";

  /**
   * The NOT_ASSESSED reason when no object of these kinds is in the input at all, for a rule whose answer needs them
   * (no Node, so nothing says which kubelets run); empty (the default): NOT_APPLICABLE, worded by {@link #ifNone()}.
   * A rule that writes its own {@code precheck} answers this itself.
   */
  String ifAbsent() default "";
}
