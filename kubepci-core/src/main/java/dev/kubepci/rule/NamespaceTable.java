package dev.kubepci.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table of every namespace a {@link NamespaceRule} judged, declared on its class: the engine shows it even
 * without rows and fills a row per namespace, in name order, with the namespace, its number of workloads and the
 * cells the rule's check gave ({@link NamespaceRule.Judged#cells()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NamespaceTable {
  String id();

  String title();

  /** The rule's own columns, after {@code namespace} and {@code workloads}. */
  String[] columns();
}
